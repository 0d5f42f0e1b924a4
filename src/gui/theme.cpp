#include "theme.h"

#include "core/settings.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

#ifdef VIGIL_HAVE_QTDBUS
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#endif

Q_LOGGING_CATEGORY(lcTheme, "vigil.gui.theme", QtInfoMsg)

namespace vigil::gui {

namespace {

const core::Setting<QString> kTheme{QStringLiteral("ui/theme"), QStringLiteral("system")};

#ifdef VIGIL_HAVE_QTDBUS
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kSettingsInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");
constexpr int kPortalTimeoutMs = 1000;

/// Settings.Read wraps the value in one variant more than ReadOne; unwrap all of them.
QVariant unwrapped(QVariant value)
{
    for (int depth = 0; depth < 4; ++depth) {
        if (value.metaType() == QMetaType::fromType<QDBusVariant>())
            value = qvariant_cast<QDBusVariant>(value).variant();
        else if (value.metaType() == QMetaType::fromType<QDBusArgument>())
            value = qdbus_cast<QDBusVariant>(qvariant_cast<QDBusArgument>(value)).variant();
        else
            break;
    }
    return value;
}

/// The portal's color-scheme value: 1 prefers dark, 2 prefers light, 0 (or anything else) has no
/// preference.
std::optional<bool> preferenceFrom(const QVariant &value)
{
    bool ok = false;
    const uint scheme = unwrapped(value).toUInt(&ok);
    if (!ok)
        return std::nullopt;
    if (scheme == 1)
        return true;
    if (scheme == 2)
        return false;
    return std::nullopt;
}

bool portalAvailable()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(kPortalService))
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(kPortalService);
}
#endif

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

Theme::Theme(QObject *parent)
    : QObject(parent)
    , m_platformPalette(QApplication::palette())
{
}

Theme *Theme::instance()
{
    // Owned by the application object, so it lives exactly as long as the palettes it manages.
    static QPointer<Theme> theme;
    if (!theme)
        theme = new Theme(qApp);
    return theme;
}

void Theme::apply()
{
    const Mode m = mode();
    if (m == Mode::System)
        instance()->followPortal();
    instance()->applyMode(m);
}

Theme::Mode Theme::mode()
{
    return modeFromName(kTheme.value());
}

void Theme::setMode(Mode mode)
{
    kTheme.setValue(modeName(mode));
    apply();
}

QString Theme::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::modeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("light"))
        return Mode::Light;
    if (n == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

bool Theme::isDark()
{
    return instance()->m_dark;
}

bool Theme::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128;
}

void Theme::applyMode(Mode mode)
{
    const bool dark = mode == Mode::Dark || (mode == Mode::System && systemPrefersDark());
#ifdef Q_OS_MACOS
    // The native macOS style follows the system appearance by itself.
    if (mode == Mode::System) {
        m_dark = dark;
        qCDebug(lcTheme) << "following the macOS appearance";
        return;
    }
#endif
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        if (QString::compare(QApplication::style()->name(), QStringLiteral("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(fusion);
        else
            delete fusion;
    }
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    m_dark = dark;
    qCDebug(lcTheme).noquote() << QStringLiteral("using the %1 palette (ui/theme: %2)")
                                      .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"), modeName(mode));
}

bool Theme::systemPrefersDark() const
{
    if (m_portalDark)
        return *m_portalDark;
    return isDarkPalette(m_platformPalette);
}

std::optional<bool> Theme::portalPrefersDark()
{
#ifdef VIGIL_HAVE_QTDBUS
    if (!portalAvailable())
        return std::nullopt;
    // ReadOne is version 2 of the interface; Read (deprecated, one variant deeper) is everywhere.
    for (const QString &method : {QStringLiteral("ReadOne"), QStringLiteral("Read")}) {
        QDBusMessage call = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kSettingsInterface, method);
        call << kAppearance << kColorScheme;
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, kPortalTimeoutMs);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            return preferenceFrom(reply.arguments().constFirst());
        qCDebug(lcTheme) << "portal" << method << "failed:" << reply.errorName() << reply.errorMessage();
        if (reply.errorName() == QLatin1String("org.freedesktop.portal.Error.NotFound"))
            return std::nullopt;
    }
#endif
    return std::nullopt;
}

void Theme::followPortal()
{
#ifdef VIGIL_HAVE_QTDBUS
    m_portalDark = portalPrefersDark();
    if (m_followingPortal)
        return;
    m_followingPortal = QDBusConnection::sessionBus().connect(
        kPortalService, kPortalPath, kSettingsInterface, QStringLiteral("SettingChanged"), this,
        SLOT(portalSettingChanged(QDBusMessage)));
    qCDebug(lcTheme) << "portal preference:" << (m_portalDark ? (*m_portalDark ? "dark" : "light") : "none")
                     << "- following changes:" << m_followingPortal;
#endif
}

void Theme::portalSettingChanged(const QDBusMessage &message)
{
#ifdef VIGIL_HAVE_QTDBUS
    const QVariantList arguments = message.arguments();
    if (arguments.size() < 3 || arguments.at(0).toString() != kAppearance || arguments.at(1).toString() != kColorScheme
        || mode() != Mode::System)
        return;
    m_portalDark = preferenceFrom(arguments.at(2));
    qCInfo(lcTheme) << "the desktop's colour scheme changed";
    applyMode(Mode::System);
#else
    Q_UNUSED(message)
#endif
}

QPalette Theme::lightPalette()
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QPalette palette = fusion->standardPalette();
        delete fusion;
        return palette;
    }
    return QApplication::style()->standardPalette();
}

QPalette Theme::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor button(0x36, 0x38, 0x3c);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x82, 0x86);
    const QColor highlight(0x2f, 0x6f, 0xde); // the icon's shield blue

    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x43));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8e, 0x92));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(125));
    p.setColor(QPalette::Mid, mixed(button, base, 0.5));
    p.setColor(QPalette::Dark, base.darker(130));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb9, 0x9c, 0xff));

    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, mixed(button, window, 0.5));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Light, window);
    return p;
}

QColor Theme::statusColor(Status status)
{
    const bool dark = isDarkPalette(QApplication::palette());
    switch (status) {
    case Status::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0x8a, 0x5a, 0x00);
    case Status::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
    case Status::Success:
        return dark ? QColor(0x7d, 0xd8, 0x8a) : QColor(0x1b, 0x6e, 0x2a);
    case Status::Info:
        break;
    }
    return dark ? QColor(0x8a, 0xbd, 0xff) : QColor(0x16, 0x4f, 0xb0);
}

} // namespace vigil::gui
