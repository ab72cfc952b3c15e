#include "account/KeychainModule.h"

#include "account/KeychainBackend.h"

#include <QString>

#include <dlfcn.h>
#include <filesystem>
#include <vector>

namespace Stevedore {

namespace {

struct Loaded
{
    KeychainBackend *backend = nullptr;
    QString why;
};

std::vector<std::string> candidates()
{
    std::vector<std::string> paths;
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const std::filesystem::path folder = self.parent_path();
        paths.push_back((folder / KeychainModule::kFileName).string());
        paths.push_back((folder / STEVEDORE_MODULE_FROM_BINDIR / KeychainModule::kFileName)
                            .lexically_normal()
                            .string());
    }
    paths.emplace_back(KeychainModule::kFileName);
    return paths;
}

Loaded load()
{
    QString failures;
    for (const std::string &path : candidates()) {
        const bool byName = path.find('/') == std::string::npos;
        if (!byName && !std::filesystem::exists(path))
            continue;
        void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            // A module that is there but cannot be loaded (a library it needs is missing) says
            // more than the search by name that follows.
            if (failures.isEmpty() || !byName)
                failures = QString::fromLocal8Bit(dlerror());
            continue;
        }
        using Factory = KeychainBackend *(*)();
        const auto factory = reinterpret_cast<Factory>(dlsym(library, "stevedoreKeychainBackend"));
        if (!factory) {
            failures = QString::fromLocal8Bit(dlerror());
            dlclose(library);
            continue;
        }
        return {factory(), {}}; // the module stays loaded for the rest of the process
    }
    return {nullptr, failures};
}

const Loaded &loaded()
{
    static const Loaded module = load();
    return module;
}

} // namespace

KeychainBackend *KeychainModule::backend()
{
    return loaded().backend;
}

QString KeychainModule::why()
{
    return loaded().why;
}

} // namespace Stevedore
