#include "settings.h"

namespace vigil::core {

namespace {
QString &iniPath()
{
    static QString path;
    return path;
}
} // namespace

void SettingsLocation::setFile(const QString &iniFile)
{
    iniPath() = iniFile;
}

QString SettingsLocation::file()
{
    return iniPath().isEmpty() ? QSettings().fileName() : iniPath();
}

std::unique_ptr<QSettings> SettingsLocation::open()
{
    if (iniPath().isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
}

} // namespace vigil::core
