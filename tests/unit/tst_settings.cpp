#include "core/settings.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using vigil::core::Setting;
using vigil::core::SettingsLocation;

class tst_Settings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unsetSetting_returnsDefault();
    void setValue_roundTrips();
    void wrongType_fallsBackToDefault();
    void configFile_isUsedInsteadOfDefaultLocation();

private:
    QTemporaryDir m_dir;
};

void tst_Settings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VigilTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settings"));
    QVERIFY(m_dir.isValid());
    SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
}

void tst_Settings::unsetSetting_returnsDefault()
{
    const Setting<int> interval{QStringLiteral("poll/interval"), 60};
    interval.reset();
    QVERIFY(!interval.isSet());
    QCOMPARE(interval.value(), 60);
}

void tst_Settings::setValue_roundTrips()
{
    const Setting<QString> tenant{QStringLiteral("tenant/id"), QStringLiteral("organizations")};
    tenant.setValue(QStringLiteral("contoso.onmicrosoft.com"));
    QVERIFY(tenant.isSet());
    QCOMPARE(tenant.value(), QStringLiteral("contoso.onmicrosoft.com"));
    const Setting<QString> again{QStringLiteral("tenant/id"), QString()};
    QCOMPARE(again.value(), QStringLiteral("contoso.onmicrosoft.com"));
    tenant.reset();
    QCOMPARE(tenant.value(), QStringLiteral("organizations"));
}

void tst_Settings::wrongType_fallsBackToDefault()
{
    SettingsLocation::open()->setValue(QStringLiteral("window/size"), QStringLiteral("not a size"));
    const Setting<QSize> size{QStringLiteral("window/size"), QSize(800, 600)};
    QCOMPARE(size.value(), QSize(800, 600));
}

void tst_Settings::configFile_isUsedInsteadOfDefaultLocation()
{
    const Setting<bool> flag{QStringLiteral("ui/flag"), false};
    flag.setValue(true);
    QCOMPARE(SettingsLocation::file(), m_dir.filePath(QStringLiteral("vigil.ini")));
    QSettings direct(m_dir.filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat);
    QCOMPARE(direct.value(QStringLiteral("ui/flag")).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
