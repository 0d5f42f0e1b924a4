// Vigil: command line, wiring, demo mode.

#include "core/auth/authsession.h"
#include "core/auth/keychaintokenstore.h"
#include "core/auth/memorytokenstore.h"
#include "core/auth/signinflow.h"
#include "core/auth/tenantsettings.h"
#include "core/alerts/alertsettings.h"
#include "core/graph/graphclient.h"
#include "core/notifications/alertpoller.h"
#include "core/notifications/notificationcenter.h"
#include "core/notifications/notificationmodel.h"
#include "core/notifications/subscriptionmanager.h"
#include "core/notifications/webhookreceiver.h"
#include "core/commandline.h"
#include "core/logging.h"
#include "core/settings.h"
#include "core/singleinstance.h"
#include "graphsim/simulator.h"
#include "gui/mainwindow.h"
#include "gui/theme.h"
#include "http/terminationsignals.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QTranslator>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcApp, "vigil.app", QtInfoMsg)

using namespace vigil;

namespace {

const core::Setting<QString> kLanguage{QStringLiteral("ui/language"), {}};

// The application (client) ID Vigil presents to the simulator in demo mode; any GUID works there.
const QString kDemoClientId = QStringLiteral("5d6f2a4e-7c1b-4e0a-9b8d-3f2e1c0a9b87");

void printTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stream);
}

QStringList rawArguments(int argc, char **argv)
{
    QStringList list;
    list.reserve(argc);
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

QString connectionDescription(const core::LaunchOptions &options, const core::SignInConfiguration &c)
{
    if (options.demo)
        return QApplication::translate("main", "Demo mode: sign-in and Microsoft Graph are simulated inside Vigil (%1).")
            .arg(c.authorityUrl.toString());
    return QApplication::translate("main", "Sign-in: %1 (tenant %2)\nMicrosoft Graph: %3")
        .arg(c.authorityUrl.toString(), c.tenant, c.graphUrl.toString());
}

QStringList overriddenSettings(const core::LaunchOptions &options)
{
    QStringList list;
    if (options.authorityUrl || options.graphUrl)
        list << QApplication::translate("main", "cloud (--authority-url, --graph-url)");
    if (options.tenant)
        list << QApplication::translate("main", "tenant (--tenant)");
    if (options.clientId)
        list << QApplication::translate("main", "client ID (--client-id)");
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION_STRING));

    // Check the command line first: --help, --version and mistakes need no display.
    const core::CommandLine::Result parsed =
        core::CommandLine::parse(core::CommandLine::withoutQtOptions(rawArguments(argc, argv)));
    switch (parsed.outcome) {
    case core::CommandLine::Outcome::ShowHelp:
    case core::CommandLine::Outcome::ShowVersion:
        printTo(stdout, parsed.text);
        return 0;
    case core::CommandLine::Outcome::Error:
        printTo(stderr, QStringLiteral("vigil: %1\nTry 'vigil --help' for more information.").arg(parsed.text));
        return 2;
    case core::CommandLine::Outcome::Run:
        break;
    }
    const core::LaunchOptions &options = parsed.options;

#ifdef Q_OS_UNIX
    // Chromium refuses to start its sandbox as root; Qt WebEngine documents this switch.
    if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
#endif
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    // Installed first, so SIGTERM/SIGINT during start-up (WebEngine takes a while) still end cleanly:
    // the request waits in the event loop and closes the windows as soon as it runs.
    http::TerminationSignals signals_(&app);
    QObject::connect(&signals_, &http::TerminationSignals::terminationRequested, &app, [] {
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    QApplication::setDesktopFileName(QStringLiteral("io.github.vigil_desktop.Vigil"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));

    core::installLogFormat();
    core::configureLogging(options.verbose);
    if (options.configFile)
        core::SettingsLocation::setFile(*options.configFile);
    installTranslators(app, options.language.value_or(kLanguage.value()));
    qCDebug(lcApp) << "settings in" << core::SettingsLocation::file();

    // One Vigil per user and settings file: a second launch hands its command line to the running
    // one, which raises its window.
    core::SingleInstance instance(core::SingleInstance::serverNameFor(core::SettingsLocation::file()));
    if (instance.sendToRunning(QCoreApplication::arguments())) {
        printTo(stdout, QApplication::translate("main", "Vigil is already running; its window was raised."));
        return 0;
    }
    if (!instance.listen())
        qCWarning(lcApp).noquote() << instance.errorString();
    gui::Theme::apply();

    // Demo mode: the simulator of Graph and of the sign-in service runs inside Vigil.
    std::unique_ptr<graphsim::Simulator> simulator;
    if (options.demo) {
        graphsim::SimulatorOptions simOptions;
        simOptions.alerts = 5000;
        simOptions.legacyAlerts = 300;
        simOptions.activitySeconds = 20;
        // The embedded receiver is plain http on loopback; the simulator may call it (Graph would not).
        simOptions.allowHttpNotifications = true;
        simulator = std::make_unique<graphsim::Simulator>(simOptions);
        if (!simulator->start()) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "Vigil"),
                                  QApplication::translate("main", "The demo simulator could not start: %1")
                                      .arg(simulator->errorString()));
            return 1;
        }
        qCInfo(lcApp) << "demo simulator at" << simulator->baseUrl().toString();
    }

    QNetworkAccessManager network;
    core::TenantSettings::Values tenant = core::TenantSettings::load();
    core::SignInConfiguration configuration = core::TenantSettings::configuration(tenant, options);
    if (simulator) {
        configuration.authorityUrl = simulator->baseUrl();
        configuration.tenant = simulator->tenantId();
        configuration.clientId = kDemoClientId;
        configuration.graphUrl = simulator->baseUrl();
        tenant.method = core::TenantSettings::SignInMethod::EmbeddedWindow;
    }
    core::SignInFlow flow(&network);
    flow.setConfiguration(configuration);
    const auto permissionsFor = [](bool legacy) {
        QStringList permissions = core::SignInFlow::defaultPermissions();
        if (legacy)
            permissions << QStringLiteral("SecurityEvents.ReadWrite.All");
        return permissions;
    };
    flow.setPermissions(permissionsFor(options.demo || core::AlertSettings::useLegacyApi().value()));
    core::GraphClient graph(&network, &flow);
    graph.setServiceRoot(configuration.graphUrl);
    // Demo sign-ins are not kept: the simulator is new on every start.
    std::unique_ptr<core::TokenStore> tokenStore;
    if (simulator)
        tokenStore = std::make_unique<core::MemoryTokenStore>();
    else
        tokenStore = std::make_unique<core::KeychainTokenStore>();
    core::AuthSession session(&flow, tokenStore.get(), &network);

    // Live notifications: Graph webhooks and pushes (receiver), alerts_v2 changes (poller).
    // Demo notifications are about simulated alerts: kept apart from real ones and started afresh.
    core::NotificationModel notificationModel;
    if (!notificationModel.open(options.demo ? core::NotificationModel::demoFile() : QString()))
        qCWarning(lcApp).noquote() << notificationModel.errorString();
    if (options.demo)
        notificationModel.clear();
    const core::NotificationSettings::Values notificationSettings = core::NotificationSettings::load();
    notificationModel.setRetention(notificationSettings.retentionCount, notificationSettings.retentionDays);
    core::WebhookReceiver receiver;
    core::SubscriptionManager subscriptions(&graph, &receiver, tokenStore.get());
    core::AlertPoller poller(&graph);
    core::NotificationCenter notifications(&notificationModel);
    notifications.setReceiver(&receiver);
    notifications.setSubscriptions(&subscriptions);
    notifications.setPoller(&poller);
    notifications.setGraphClient(&graph);
    notifications.setSecretStore(tokenStore.get());
    notifications.loadPushSecret();
    subscriptions.setPersistent(!options.demo);
    poller.setPersistent(!options.demo);
    subscriptions.restore();
    // Demo mode listens on any free port unless told otherwise, and polls as often as the simulator acts.
    std::optional<core::ListenAddress> listen = options.listen;
    if (!listen && options.demo)
        listen = core::ListenAddress{QHostAddress(QHostAddress::LocalHost), 0};
    const auto pollSeconds = [&options](int seconds) { return options.demo ? qMin(seconds, 20) : seconds; };
    notifications.applyPollerSettings(notificationSettings.pollerEnabled,
                                      pollSeconds(notificationSettings.pollSeconds));
    QObject::connect(&flow, &core::SignInFlow::stateChanged, &notifications, [&flow, &notifications] {
        const bool canRead = flow.hasPermission(QStringLiteral("SecurityAlert.Read.All"))
                          || flow.hasPermission(QStringLiteral("SecurityAlert.ReadWrite.All"));
        notifications.setSignedIn(flow.isSignedIn(), canRead);
    });
    if (options.demo) {
        // The simulator's legacy alerts change now and then: subscribe to them after sign-in, so the
        // demo shows Graph change notifications end to end.
        QObject::connect(&flow, &core::SignInFlow::signedIn, &subscriptions, [&subscriptions] {
            const QString everyLegacyAlert = QStringLiteral("severity ne 'unknown'");
            if (subscriptions.known().isEmpty())
                subscriptions.create(core::SubscriptionManager::resourceForFilter(everyLegacyAlert),
                                     QStringLiteral("created,updated"), core::SubscriptionManager::kDefaultMinutes);
        });
    }

    gui::MainWindow window({.demo = options.demo,
                            .connectionDescription = connectionDescription(options, flow.configuration()),
                            .overriddenSettings = overriddenSettings(options)});
    window.setAuthSession(&session, tenant.method);
    window.setGraphClient(&graph);
    window.setNotificationCenter(&notifications);
    QObject::connect(&window, &gui::MainWindow::notificationSettingsChanged, &notifications,
                     [&notifications, &options, &listen, &pollSeconds](const core::NotificationSettings::Values &v) {
                         notifications.applyReceiverSettings(v, options.demo, listen, options.publicUrl);
                         notifications.applyPollerSettings(v.pollerEnabled, pollSeconds(v.pollSeconds));
                     });
    QObject::connect(&window, &gui::MainWindow::legacyAlertsApiChanged, &flow,
                     [&flow, &permissionsFor, &options](bool legacy) {
                         flow.setPermissions(permissionsFor(options.demo || legacy));
                         // A new permission needs a new consent: sign in again right away.
                         if (legacy && flow.isSignedIn() && !flow.hasPermission(QStringLiteral("SecurityEvents.ReadWrite.All")))
                             flow.signIn();
                     });
    QObject::connect(&window, &gui::MainWindow::tenantSettingsChanged, &flow,
                     [&flow, &graph, &options](const core::TenantSettings::Values &values) {
                         if (!options.demo)
                             flow.setConfiguration(core::TenantSettings::configuration(values, options));
                         graph.setServiceRoot(flow.configuration().graphUrl);
                     });
    window.show();
    QObject::connect(&instance, &core::SingleInstance::activated, &window, [&window](const QStringList &arguments) {
        qCDebug(lcApp) << "raising the window for another launch:" << arguments;
        if (window.isMinimized())
            window.setWindowState(window.windowState() & ~Qt::WindowMinimized);
        window.show();
        window.raise();
        window.activateWindow();
    });
    // The receiver starts before and independently of sign-in; a port in use is reported in a dialog.
    notifications.applyReceiverSettings(notificationSettings, options.demo, listen, options.publicUrl);
    if (!simulator)
        session.restore();

    const int code = QApplication::exec();
    qCDebug(lcApp) << "exiting with" << code;
    return code;
}
