// Translations at run time: with Vigil's Simplified Chinese catalogue loaded the way main.cpp loads
// it, the text the core and the dialogs produce comes out in Chinese. That shows each string is
// looked up under the context lupdate filed it under (the completeness test only sees the .ts file),
// and it pins the glossary's key terms. The Settings dialog keeps the chosen language for the next start.
#include "core/alerts/alert.h"
#include "core/alerts/alertparser.h"
#include "core/alerts/alerttablemodel.h"
#include "core/alerts/alertupdate.h"
#include "core/auth/tokenerror.h"
#include "core/commandline.h"
#include "core/graph/grapherror.h"
#include "core/mail/maildraft.h"
#include "core/settings.h"
#include "gui/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

using namespace vigil;

using TextFunction = std::function<QString()>;
Q_DECLARE_METATYPE(TextFunction)

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

core::Alert alertTitled(const QString &title)
{
    core::Alert a;
    a.title = title;
    a.severity = core::Severity::High;
    a.serviceSource = QStringLiteral("microsoftDefenderForEndpoint");
    return a;
}
} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void text_isLookedUpUnderItsContext_data();
    void text_isLookedUpUnderItsContext();
    void settingsDialog_offersSystemEnglishAndChinese();
    void settingsDialog_storesTheChosenLanguageOnOk();
    void settingsDialog_cancelKeepsTheLanguage();

private:
    static std::unique_ptr<gui::SettingsDialog> openSettings();

    QTemporaryDir m_dir;
    QTranslator m_translator;
};

void tst_Translations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
    // As main.cpp: the catalogue embedded under :/i18n, chosen by locale.
    QVERIFY(m_translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("vigil"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
}

void tst_Translations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_translator);
    core::SettingsLocation::setFile({});
}

void tst_Translations::text_isLookedUpUnderItsContext_data()
{
    QTest::addColumn<TextFunction>("text");
    QTest::addColumn<QString>("expected"); // empty: any Chinese sentence

    // The glossary's key terms.
    QTest::newRow("severity") << TextFunction([] { return core::displaySeverity(core::Severity::High); })
                              << QStringLiteral("高");
    QTest::newRow("status") << TextFunction([] { return core::displayStatus(QStringLiteral("inProgress")); })
                            << QStringLiteral("进行中");
    QTest::newRow("true positive") << TextFunction([] {
        return core::displayClassification(QStringLiteral("truePositive"));
    }) << QStringLiteral("真阳性");
    QTest::newRow("false positive") << TextFunction([] {
        return core::displayClassification(QStringLiteral("falsePositive"));
    }) << QStringLiteral("误报");
    QTest::newRow("determination from a table")
        << TextFunction([] { return core::displayDetermination(QStringLiteral("malware")); })
        << QStringLiteral("恶意软件");
    QTest::newRow("table column") << TextFunction([] {
        return core::AlertTableModel::columnName(core::AlertTableModel::SeverityColumn);
    }) << QStringLiteral("严重性");
    QTest::newRow("product names stay English")
        << TextFunction([] { return core::displayServiceSource(QStringLiteral("microsoftSentinel")); })
        << QStringLiteral("Microsoft Sentinel");

    // Sentences from classes that translate with Q_DECLARE_TR_FUNCTIONS.
    QTest::newRow("TokenError") << TextFunction([] {
        return core::TokenError::networkFailure(QStringLiteral("x")).advice();
    }) << QString();
    QTest::newRow("GraphError") << TextFunction([] {
        return core::GraphError::fromResponse(404, R"({"error":{"code":"NotFound","message":"x"}})", {}, {})
            .userMessage();
    }) << QString();
    QTest::newRow("MailDraft") << TextFunction([] {
        core::MailDraft draft;
        draft.recipients = QStringLiteral("not an address");
        return draft.problem();
    }) << QString();
    QTest::newRow("MailDraft plural") << TextFunction([] {
        return core::MailDraft::defaultSubject({ alertTitled(QStringLiteral("A")), alertTitled(QStringLiteral("B")) });
    }) << QStringLiteral("2 个警报 – “A”等");
    QTest::newRow("AlertUpdate") << TextFunction([] { return core::AlertUpdate().problem(core::AlertApi::V2); })
                                 << QString();
    QTest::newRow("CommandLine") << TextFunction([] {
        return core::CommandLine::parse({ QStringLiteral("vigil"), QStringLiteral("--lang"), QStringLiteral("1") })
            .text;
    }) << QString();
    QTest::newRow("AlertParser") << TextFunction([] {
        return core::AlertParser(core::AlertApi::V2).parsePage("[]").error;
    }) << QString();
}

void tst_Translations::text_isLookedUpUnderItsContext()
{
    QFETCH(TextFunction, text);
    QFETCH(QString, expected);
    const QString actual = text();
    if (expected.isEmpty())
        QVERIFY2(hasChinese(actual), qPrintable(actual));
    else
        QCOMPARE(actual, expected);
}

std::unique_ptr<gui::SettingsDialog> tst_Translations::openSettings()
{
    core::TenantSettings::Values values;
    values.tenant = QStringLiteral("organizations");
    return std::make_unique<gui::SettingsDialog>(values, QStringList());
}

void tst_Translations::settingsDialog_offersSystemEnglishAndChinese()
{
    core::SettingsLocation::open()->remove(kLanguageKey);
    const auto dialog = openSettings();
    const auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(0), QStringLiteral("跟随系统"));
    QCOMPARE(combo->itemText(1), QStringLiteral("English"));
    QCOMPARE(combo->itemText(2), QStringLiteral("简体中文"));
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("languageHint"))->text(),
             QStringLiteral("Vigil 重启后将使用新语言。"));
    QCOMPARE(dialog->findChild<QTabWidget *>()->tabText(0), QStringLiteral("常规"));
}

void tst_Translations::settingsDialog_storesTheChosenLanguageOnOk()
{
    core::SettingsLocation::open()->remove(kLanguageKey);
    auto dialog = openSettings();
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(core::SettingsLocation::open()->value(kLanguageKey).toString(), QStringLiteral("zh_CN"));

    // Reopened, the dialog shows the stored choice; "System" removes the setting again.
    dialog = openSettings();
    combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("zh_CN"));
    combo->setCurrentIndex(0);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!core::SettingsLocation::open()->contains(kLanguageKey));
}

void tst_Translations::settingsDialog_cancelKeepsTheLanguage()
{
    core::SettingsLocation::open()->setValue(kLanguageKey, QStringLiteral("en"));
    const auto dialog = openSettings();
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("en"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(core::SettingsLocation::open()->value(kLanguageKey).toString(), QStringLiteral("en"));
}

int main(int argc, char **argv)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    tst_Translations test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
