#include "loopbackreplyhandler.h"

#include "http/server.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcLoopback, "vigil.core.auth.loopback", QtInfoMsg)

namespace vigil::core {

LoopbackReplyHandler::LoopbackReplyHandler(QObject *parent)
    : QOAuthOobReplyHandler(parent)
{
}

LoopbackReplyHandler::~LoopbackReplyHandler() = default;

bool LoopbackReplyHandler::listen(quint16 port)
{
    if (isListening() && (port == 0 || port == m_port))
        return true;
    m_server = std::make_unique<http::Server>(static_cast<http::RequestHandler *>(this));
    http::ServerLimits limits;
    limits.maxConnections = 16;
    limits.maxBodyBytes = 64 * 1024;
    m_server->setLimits(limits);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_errorString = tr("Cannot listen for the sign-in redirect on 127.0.0.1:%1: %2")
                            .arg(port)
                            .arg(m_server->errorString());
        m_server.reset();
        return false;
    }
    m_port = m_server->serverPort();
    qCDebug(lcLoopback) << "waiting for the sign-in redirect on port" << m_port;
    return true;
}

void LoopbackReplyHandler::close()
{
    if (!m_server)
        return;
    // Deleting the server now would drop the page just written to the browser.
    http::Server *closing = m_server.release();
    closing->stopListening();
    closing->setParent(this);
    QTimer::singleShot(2000, closing, &QObject::deleteLater);
}

bool LoopbackReplyHandler::isListening() const
{
    return m_server && m_server->isListening();
}

QString LoopbackReplyHandler::callback() const
{
    return QStringLiteral("http://localhost:%1%2").arg(m_port).arg(kCallbackPath);
}

bool LoopbackReplyHandler::isCallbackUrl(const QUrl &url) const
{
    const QString host = url.host();
    return url.scheme() == QLatin1String("http")
        && (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1"))
        && url.path() == kCallbackPath;
}

bool LoopbackReplyHandler::handleRedirect(const QUrl &url)
{
    if (!isCallbackUrl(url))
        return false;
    deliver(url.query(QUrl::FullyEncoded).toLatin1());
    return true;
}

LoopbackReplyHandler::Outcome LoopbackReplyHandler::deliver(const QByteArray &rawQuery)
{
    // Authorization responses are application/x-www-form-urlencoded (RFC 6749 §4.1.2): decode once,
    // '+' included, so the code reaches the token request exactly as issued.
    QVariantMap values;
    for (const auto &[key, value] : http::parseFormUrlEncoded(rawQuery))
        values.insert(key, value);
    // The state is checked first: without it, anyone able to reach the port could inject an error.
    if (m_expectedState.isEmpty() || values.value(QStringLiteral("state")).toString().toLatin1() != m_expectedState) {
        qCWarning(lcLoopback) << "ignoring a sign-in redirect that does not belong to the current attempt";
        Q_EMIT stateMismatch();
        return Outcome::WrongState;
    }
    m_expectedState.clear();  // each attempt is answered once
    Q_EMIT redirectReceived();
    if (values.contains(QStringLiteral("admin_consent"))) {
        const QString error = values.value(QStringLiteral("error")).toString();
        const bool granted = error.isEmpty()
            && values.value(QStringLiteral("admin_consent")).toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        Q_EMIT adminConsentReceived(granted, values.value(QStringLiteral("tenant")).toString(), error,
                                    values.value(QStringLiteral("error_description")).toString());
    } else {
        Q_EMIT callbackReceived(values);
    }
    return values.contains(QStringLiteral("error")) ? Outcome::AuthorizationError : Outcome::Accepted;
}

void LoopbackReplyHandler::handleRequest(const http::Request &request, http::Responder responder)
{
    if (request.path() != kCallbackPath) {
        responder.send(http::Response::text(404, "Not found\n"));
        return;
    }
    if (request.method != "GET") {
        responder.send(http::Response::text(405, "Method not allowed\n").setHeader("Allow", "GET"));
        return;
    }
    const Outcome outcome = deliver(request.rawQuery());
    QString detail;
    for (const auto &[key, value] : http::parseFormUrlEncoded(request.rawQuery())) {
        if (key == QLatin1String("error_description"))
            detail = value;
    }
    http::Response response = http::Response::html(outcome == Outcome::WrongState ? 400 : 200, page(outcome, detail));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    response.setHeader("Referrer-Policy", "no-referrer");
    responder.send(std::move(response));
}

QByteArray LoopbackReplyHandler::page(Outcome outcome, const QString &detail) const
{
    QString title;
    QString text;
    switch (outcome) {
    case Outcome::Accepted:
        title = tr("You are signed in");
        text = tr("You are signed in to Vigil. You can close this window and return to the application.");
        break;
    case Outcome::AuthorizationError:
        title = tr("Sign-in did not complete");
        text = tr("The sign-in was cancelled or refused. Return to Vigil to try again.");
        break;
    case Outcome::WrongState:
        title = tr("Sign-in response not recognised");
        text = tr("This response does not belong to the sign-in Vigil is waiting for. Start the sign-in again from "
                  "Vigil.");
        break;
    }
    const QString details = detail.isEmpty() ? QString()
                                             : QStringLiteral("<p class=\"d\">%1</p>").arg(detail.toHtmlEscaped());
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                          "<style>body{font-family:sans-serif;margin:15vh auto;max-width:34em;color:#222}"
                          "h1{font-size:1.5em}.d{color:#666;font-size:.9em}</style></head>"
                          "<body><h1>%1</h1><p>%2</p>%3</body></html>")
        .arg(title.toHtmlEscaped(), text.toHtmlEscaped(), details)
        .toUtf8();
}

void LoopbackReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    if (reply->error() == QNetworkReply::NoError) {
        QOAuthOobReplyHandler::networkReplyFinished(reply);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const TokenError error = status == 0 ? TokenError::networkFailure(reply->errorString())
                                         : TokenError::fromResponse(status, body);
    qCWarning(lcLoopback) << "token request failed:" << status << error.error << "AADSTS" << error.aadstsCode();
    Q_EMIT tokenRequestFailed(error);
}

} // namespace vigil::core
