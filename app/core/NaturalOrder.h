#pragma once

#include <QString>
#include <QStringView>

namespace Stevedore {

// Orders names the way people read them: case does not matter and runs of digits compare as
// numbers, so "tool2" < "Tool10" and "part-9.bin" < "part-10.bin"; leading zeros and then case
// only break ties, so that different names never compare equal. Letters compare by their
// case-folded code points, the same in every locale (QCollator's numeric mode is ignored in
// the C locale, and slower by an order of magnitude on long lists). sortKey() gives keys for
// sorting many names at the cost of plain string comparisons.
class NaturalOrder final
{
public:
    NaturalOrder() = delete;

    // <0, 0, >0 like strcmp.
    static int compare(QStringView a, QStringView b);
    static bool lessThan(QStringView a, QStringView b) { return compare(a, b) < 0; }
    // For sorting many names: keys that compare as plain strings in the order of compare(),
    // but for its tie-breaks (equal keys: compare() the names).
    static QString sortKey(QStringView name);
};

} // namespace Stevedore
