#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace vigil::core {

/// An address and port given as HOST:PORT ("127.0.0.1:5000", "[::1]:0", "localhost:8080").
struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;

    static std::optional<ListenAddress> parse(const QString &text);
    QString toString() const;
    friend bool operator==(const ListenAddress &, const ListenAddress &) = default;
};

/// Everything the command line can say. Unset optionals mean "use the settings".
struct LaunchOptions
{
    bool demo = false;
    bool verbose = false;
    std::optional<QUrl> graphUrl;
    std::optional<QUrl> authorityUrl;
    std::optional<QString> tenant;
    std::optional<QString> clientId;
    std::optional<ListenAddress> listen;
    std::optional<QUrl> publicUrl;
    std::optional<QString> language;
    std::optional<QString> configFile;
};

/// Parses Vigil's command line without side effects (no printing, no exiting), so it can be tested.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    struct Result
    {
        Outcome outcome = Outcome::Run;
        LaunchOptions options;
        QString text;   ///< help text, version line, or the error message
    };

    /// `arguments` includes the program name first, as QCoreApplication::arguments() does.
    static Result parse(const QStringList &arguments);

    /// `arguments` without the options that QApplication and Qt WebEngine consume themselves
    /// (-platform X, -style X, --webEngineArgs …), so that the command line can be checked before
    /// a QApplication (which needs a display) exists.
    static QStringList withoutQtOptions(const QStringList &arguments);

    static bool isValidGuid(const QString &text);
    /// "organizations", "common", "consumers", a GUID, or a domain name such as contoso.onmicrosoft.com.
    static bool isValidTenant(const QString &text);
};

} // namespace vigil::core
