#pragma once

// Test-side helpers for the graphsim integration tests: a blocking HTTP client over real sockets
// and a scripted sign-in (auto-approve through the control API, authorize, token with PKCE).

#include "graphsim/simulator.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>

namespace graphsimtest {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[k, v] : headers) {
            if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

class HttpClient
{
public:
    HttpResult send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30'000)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &[k, v] : headers)
            request.setRawHeader(k, v);
        if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
            request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        if (!reply->isFinished()) {
            reply->abort();
            result.error = QNetworkReply::TimeoutError;
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
            result.headers = reply->rawHeaderPairs();
            result.error = reply->error();
        }
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QUrl &url, const QByteArray &token = {})
    {
        return send("GET", url, {}, token.isEmpty() ? QList<std::pair<QByteArray, QByteArray>>{}
                                                    : QList<std::pair<QByteArray, QByteArray>>{{"Authorization", "Bearer " + token}});
    }

    HttpResult sendJson(const QByteArray &method, const QUrl &url, const QJsonObject &body, const QByteArray &token = {},
                        QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        if (!token.isEmpty())
            headers.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + token));
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        return send(method, url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    HttpResult postForm(const QUrl &url, const QList<std::pair<QString, QString>> &fields)
    {
        QUrlQuery form;
        for (const auto &[k, v] : fields)
            form.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(k)), QString::fromLatin1(QUrl::toPercentEncoding(v)));
        return send("POST", url, form.toString(QUrl::FullyEncoded).toLatin1(),
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

private:
    QNetworkAccessManager m_network;
};

inline const QString kClientId = QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444");
inline const QString kRedirect = QStringLiteral("http://localhost:53123/login/authorized");

inline QUrl url(const graphsim::Simulator &sim, const QString &pathAndQuery)
{
    return QUrl(sim.baseUrl().toString() + pathAndQuery);
}

/// A Graph URL with query items encoded the way a careful client does.
inline QUrl graphUrl(const graphsim::Simulator &sim, const QString &path, const QList<std::pair<QString, QString>> &query = {})
{
    QUrl u(sim.baseUrl().toString() + QStringLiteral("/v1.0/") + path);
    QUrlQuery q;
    for (const auto &[k, v] : query)
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v, "'$(),:/")));
    if (!query.isEmpty())
        u.setQuery(q.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    return u;
}

inline QString pkceVerifier()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline QString pkceChallenge(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

inline QUrl authorizeUrl(const graphsim::Simulator &sim, const QString &scope, const QString &challenge,
                         const QString &state = QStringLiteral("state-123"))
{
    QUrl u(sim.baseUrl().toString() + QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    QUrlQuery q;
    const QList<std::pair<QString, QString>> items{
        {QStringLiteral("client_id"), kClientId},   {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("redirect_uri"), kRedirect}, {QStringLiteral("response_mode"), QStringLiteral("query")},
        {QStringLiteral("scope"), scope},           {QStringLiteral("state"), state},
        {QStringLiteral("code_challenge"), challenge}, {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
    for (const auto &[k, v] : items)
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    u.setQuery(q.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    return u;
}

/// The `code` (and `state`) of a redirect Location.
inline QUrlQuery redirectQuery(const HttpResult &r)
{
    return QUrlQuery(QUrl::fromEncoded(r.header("Location")));
}

inline QString queryValue(const QUrlQuery &q, const QString &key)
{
    return q.queryItemValue(key, QUrl::FullyDecoded);
}

/// Signs `user` in with PKCE and returns the token response.
inline QJsonObject signIn(HttpClient &http, graphsim::Simulator &sim, const QString &user, const QString &scope)
{
    sim.setAutoApproveUser(user);
    const QString verifier = pkceVerifier();
    const HttpResult authorize = http.get(authorizeUrl(sim, scope, pkceChallenge(verifier)));
    sim.setAutoApproveUser({});
    const QString code = queryValue(redirectQuery(authorize), QStringLiteral("code"));
    const HttpResult token = http.postForm(url(sim, QStringLiteral("/organizations/oauth2/v2.0/token")),
                                           {{QStringLiteral("client_id"), kClientId},
                                            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                            {QStringLiteral("code"), code},
                                            {QStringLiteral("redirect_uri"), kRedirect},
                                            {QStringLiteral("code_verifier"), verifier}});
    return token.json();
}

inline QByteArray accessToken(HttpClient &http, graphsim::Simulator &sim,
                              const QString &user = QStringLiteral("AveryC@contoso.onmicrosoft.com"),
                              const QString &scope = QStringLiteral(
                                  "openid profile offline_access User.Read Mail.Send SecurityAlert.ReadWrite.All "
                                  "SecurityIncident.ReadWrite.All SecurityEvents.ReadWrite.All"))
{
    return signIn(http, sim, user, scope).value(QStringLiteral("access_token")).toString().toLatin1();
}

inline graphsim::SimulatorOptions smallOptions(int alerts = 300)
{
    graphsim::SimulatorOptions o;
    o.alerts = alerts;
    o.legacyAlerts = 60;
    o.seed = 7;
    return o;
}

} // namespace graphsimtest
