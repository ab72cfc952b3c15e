#pragma once

#include "core/ApiError.h"

#include <functional>
#include <optional>
#include <variant>

namespace Stevedore {

// A value or the error that prevented it.
template<typename T> class Result final
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(ApiError error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.isError(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

using Success = std::monostate;

template<typename T> using Callback = std::function<void(Result<T>)>;

} // namespace Stevedore
