#include "core/NaturalOrder.h"

#include <algorithm>

namespace Stevedore {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

qsizetype digitsEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && isDigit(text[from]))
        ++from;
    return from;
}

// Numbers of any length: without their leading zeros, the longer one is larger, and digits
// of equal length compare as text.
int compareNumbers(QStringView a, QStringView b)
{
    const auto significant = [](QStringView digits) {
        qsizetype zeros = 0;
        while (zeros < digits.size() - 1 && digits[zeros] == QLatin1Char('0'))
            ++zeros;
        return digits.mid(zeros);
    };
    const QStringView left = significant(a);
    const QStringView right = significant(b);
    if (left.size() != right.size())
        return left.size() < right.size() ? -1 : 1;
    return left.compare(right);
}

} // namespace

int NaturalOrder::compare(QStringView a, QStringView b)
{
    int tieBreak = 0; // the first difference in leading zeros, else in case
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const qsizetype endA = digitsEnd(a, i);
            const qsizetype endB = digitsEnd(b, j);
            if (const int order = compareNumbers(a.mid(i, endA - i), b.mid(j, endB - j)))
                return order;
            if (tieBreak == 0 && endA - i != endB - j)
                tieBreak = endA - i < endB - j ? -1 : 1; // "7" before "007"
            i = endA;
            j = endB;
            continue;
        }
        const char32_t left = QChar::toCaseFolded(a[i].unicode());
        const char32_t right = QChar::toCaseFolded(b[j].unicode());
        if (left != right)
            return left < right ? -1 : 1;
        if (tieBreak == 0 && a[i] != b[j])
            tieBreak = a[i] < b[j] ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1; // a prefix comes first
    return tieBreak;
}

QString NaturalOrder::sortKey(QStringView name)
{
    // A run of digits becomes '0' (it compares with any other character as each digit
    // does), its length without leading zeros, and those digits.
    QString key;
    key.reserve(name.size() + 2);
    qsizetype i = 0;
    while (i < name.size()) {
        if (!isDigit(name[i])) {
            key += QChar(char16_t(QChar::toCaseFolded(name[i].unicode())));
            ++i;
            continue;
        }
        const qsizetype end = digitsEnd(name, i);
        while (i < end - 1 && name[i] == QLatin1Char('0'))
            ++i;
        key += QLatin1Char('0');
        key += QChar(char16_t(std::min<qsizetype>(end - i, 0xFFFF)));
        key += name.mid(i, end - i);
        i = end;
    }
    return key;
}

} // namespace Stevedore
