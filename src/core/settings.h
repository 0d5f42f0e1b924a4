#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace vigil::core {

/// Where Vigil keeps its settings: the platform default (QSettings, organisation "Vigil"), or an
/// INI file given with --config. Secrets are never stored here (tokens live in the keychain).
class SettingsLocation final
{
public:
    /// Use `iniFile` instead of the platform default; an empty string restores the default.
    static void setFile(const QString &iniFile);
    static QString file();
    /// A QSettings on the current location. Cheap; do not keep it around.
    static std::unique_ptr<QSettings> open();
};

/// One typed setting, declared next to the code that uses it:
///     static const Setting<int> pollSeconds{"notifications/pollSeconds", 60};
template <typename T>
class Setting final
{
public:
    Setting(QString key, T defaultValue)
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    {
    }

    T value() const
    {
        const QVariant v = SettingsLocation::open()->value(m_key);
        if (!v.isValid() || !v.canConvert<T>())
            return m_default;
        return v.value<T>();
    }
    void setValue(const T &value) const { SettingsLocation::open()->setValue(m_key, QVariant::fromValue(value)); }
    void reset() const { SettingsLocation::open()->remove(m_key); }
    bool isSet() const { return SettingsLocation::open()->contains(m_key); }

    const QString &key() const { return m_key; }
    const T &defaultValue() const { return m_default; }

private:
    QString m_key;
    T m_default;
};

} // namespace vigil::core
