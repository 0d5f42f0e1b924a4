#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>
#include <QString>

#include <optional>

class QDBusMessage;

namespace vigil::gui {

/// Light and dark palettes. Vigil follows the system unless the setting `ui/theme` says "light" or
/// "dark". Qt 6.4 has no colour-scheme API, so "system" asks the XDG desktop portal's
/// `org.freedesktop.appearance color-scheme` (Linux, when a portal answers) and otherwise looks at
/// the platform palette's window colour. Both palettes use the Fusion style: a hand-made palette
/// for dark, Fusion's own for light. While Vigil runs, a change of the portal setting is followed.
class Theme final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Theme)

public:
    enum class Mode { System, Light, Dark };
    /// Text colours for colour-coded labels, chosen to be readable on the active window colour.
    enum class Status { Warning, Error, Success, Info };

    /// Reads `ui/theme` and applies it to the application. Call once after QApplication exists
    /// (and after the settings location is known); calling it again re-applies the setting.
    static void apply();

    /// The `ui/theme` setting ("system", "light" or "dark"; anything else means "system").
    static Mode mode();
    static void setMode(Mode mode);
    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);

    /// Whether the dark palette is applied now.
    static bool isDark();

    static QPalette darkPalette();
    static QPalette lightPalette();
    /// True when `palette`'s window colour is dark (lightness below the middle).
    static bool isDarkPalette(const QPalette &palette);
    static QColor statusColor(Status status);

    /// The desktop portal's preference: true for dark, false for light, nothing when there is no
    /// portal or it has no preference.
    static std::optional<bool> portalPrefersDark();

private:
    explicit Theme(QObject *parent);
    static Theme *instance();
    void applyMode(Mode mode);
    bool systemPrefersDark() const;
    void followPortal();

private Q_SLOTS:
    // D-Bus signals can only be connected by slot signature. Taking the whole message keeps the
    // D-Bus types out of this header.
    void portalSettingChanged(const QDBusMessage &message);

private:
    QPalette m_platformPalette;
    std::optional<bool> m_portalDark;
    bool m_dark = false;
    bool m_followingPortal = false;
};

} // namespace vigil::gui
