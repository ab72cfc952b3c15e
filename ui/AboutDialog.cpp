#include "AboutDialog.h"

#include "ApplicationIcon.h"
#include "core/Version.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QLabel *makeLabel(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About %1").arg(applicationName()));

    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(applicationName(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *version = makeLabel(u"versionLabel"_s, tr("Version %1").arg(applicationVersion()), this);
    auto *summary =
        makeLabel({}, tr("A desktop client for GitLab's Generic Packages Registry."), this);
    auto *libraries = makeLabel(u"librariesLabel"_s,
                                tr("Qt %1 (built with Qt %2)\nQtKeychain %3")
                                    .arg(QString::fromLatin1(qVersion()),
                                         QStringLiteral(QT_VERSION_STR), qtKeychainVersion()),
                                this);
    // Both from LICENSE itself: its title ("MIT License") and its copyright line.
    const QStringList licenseLines = AboutDialog::licenseText().split(u'\n');
    const QString copyright =
        licenseLines.filter(QRegularExpression(u"^Copyright "_s)).value(0).trimmed();
    auto *license = makeLabel(
        u"licenseLabel"_s,
        tr("%1\nFree software under the %2.").arg(copyright, licenseLines.value(0).trimmed()),
        this);

    auto *licenseButton = new QPushButton(tr("Show &license"), this);
    licenseButton->setObjectName(u"licenseButton"_s);
    licenseButton->setCheckable(true);
    licenseButton->setAutoDefault(false);
    auto *licenseText = new QPlainTextEdit(AboutDialog::licenseText(), this);
    licenseText->setObjectName(u"licenseText"_s);
    licenseText->setReadOnly(true);
    licenseText->setMinimumHeight(260);
    licenseText->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(licenseButton, QDialogButtonBox::ActionRole);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(version);
    text->addWidget(summary);
    text->addSpacing(8);
    text->addWidget(libraries);
    text->addSpacing(8);
    text->addWidget(license);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(licenseText, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(licenseButton, &QPushButton::toggled, this, [this, licenseText](bool shown) {
        licenseText->setVisible(shown);
        adjustSize();
    });
    setMinimumWidth(460);
}

QString AboutDialog::licenseText()
{
    QFile file(u":/LICENSE"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace Stevedore
