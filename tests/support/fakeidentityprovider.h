#pragma once

// A minimal Microsoft identity platform stand-in for wire-level tests of the sign-in flow: it
// records every request exactly as received, issues a code with characters that need
// percent-encoding, verifies PKCE, rotates refresh tokens and can be told to fail. The full
// simulator (graphsim) is used by the end-to-end tests; this one lets a test see the raw bytes.

#include "http/requesthandler.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>
#include <QUrlQuery>

namespace vigil::test {

class FakeIdentityProvider final : public http::RequestHandler
{
public:
    struct Recorded
    {
        QByteArray method;
        QByteArray target;
        QByteArray body;
    };

    // Everything below is read and written from both threads: guard with the mutex.
    QByteArray code = "0.AXoA-ab_c.d/e+f=";     // '/', '+' and '=' must survive encoding
    QString currentRefreshToken;
    int tokenCounter = 0;
    int failNextTokenRequests = 0;               // answer 500 to this many token requests
    QByteArray failNextWithError;                // answer 400 with this OAuth error once
    int failNextWithCode = 0;
    QList<Recorded> requests;
    QString lastChallenge;

    void handleRequest(const http::Request &request, http::Responder responder) override
    {
        QMutexLocker lock(&m_mutex);
        requests.append({request.method, request.target, request.body});
        const QString path = request.path();
        if (path.endsWith(QLatin1String("/oauth2/v2.0/authorize")))
            responder.send(authorize(request));
        else if (path.endsWith(QLatin1String("/oauth2/v2.0/token")))
            responder.send(token(request));
        else
            responder.send(http::Response::text(404, "not found"));
    }

    QList<Recorded> tokenRequests()
    {
        QMutexLocker lock(&m_mutex);
        QList<Recorded> result;
        for (const Recorded &r : std::as_const(requests)) {
            if (r.target.contains("/token"))
                result.append(r);
        }
        return result;
    }

    template <typename F>
    void with(F f)
    {
        QMutexLocker lock(&m_mutex);
        f(*this);
    }

    static QString jwt(const QJsonObject &claims)
    {
        const auto b64 = [](const QByteArray &b) {
            return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        return QString::fromLatin1(b64(R"({"typ":"JWT","alg":"none"})") + '.'
                                   + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + ".sig");
    }

private:
    static QHash<QString, QString> form(const QByteArray &body)
    {
        QHash<QString, QString> fields;
        for (const auto &[k, v] : http::parseFormUrlEncoded(body))
            fields.insert(k, v);
        return fields;
    }

    http::Response error(int status, const QString &err, int code, const QString &description)
    {
        return http::Response::json(status, QJsonObject{
            {QStringLiteral("error"), err},
            {QStringLiteral("error_description"), QStringLiteral("AADSTS%1: %2").arg(code).arg(description)},
            {QStringLiteral("error_codes"), QJsonArray{code}},
            {QStringLiteral("trace_id"), QStringLiteral("trace-1")},
            {QStringLiteral("correlation_id"), QStringLiteral("corr-1")},
        });
    }

    http::Response authorize(const http::Request &request)
    {
        const QUrlQuery q(QString::fromLatin1(request.rawQuery()));
        lastChallenge = q.queryItemValue(QStringLiteral("code_challenge"), QUrl::FullyDecoded);
        QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery back;
        back.addQueryItem(QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(code))));
        back.addQueryItem(QStringLiteral("state"),
                          QString::fromLatin1(QUrl::toPercentEncoding(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded))));
        redirect.setQuery(back.query(QUrl::FullyEncoded), QUrl::StrictMode);
        http::Response r = http::Response::empty(302);
        r.setHeader("Location", redirect.toEncoded());
        return r;
    }

    http::Response token(const http::Request &request)
    {
        if (failNextTokenRequests > 0) {
            --failNextTokenRequests;
            return http::Response::text(500, "temporarily broken");
        }
        if (!failNextWithError.isEmpty()) {
            const QString err = QString::fromLatin1(std::exchange(failNextWithError, {}));
            return error(400, err, std::exchange(failNextWithCode, 0), QStringLiteral("Injected failure."));
        }
        const auto f = form(request.body);
        if (f.contains(QStringLiteral("client_secret")))
            return error(401, QStringLiteral("invalid_client"), 700025, QStringLiteral("Client is public."));
        const QString grant = f.value(QStringLiteral("grant_type"));
        if (grant == QLatin1String("authorization_code")) {
            if (f.value(QStringLiteral("code")).toLatin1() != code)
                return error(400, QStringLiteral("invalid_grant"), 70000, QStringLiteral("Bad code."));
            const QByteArray verifier = f.value(QStringLiteral("code_verifier")).toLatin1();
            const QByteArray challenge = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                             .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            if (QString::fromLatin1(challenge) != lastChallenge)
                return error(400, QStringLiteral("invalid_grant"), 501481, QStringLiteral("PKCE mismatch."));
            return tokens();
        }
        if (grant == QLatin1String("refresh_token")) {
            if (f.value(QStringLiteral("refresh_token")) != currentRefreshToken)
                return error(400, QStringLiteral("invalid_grant"), 70008, QStringLiteral("Expired."));
            return tokens();
        }
        return error(400, QStringLiteral("unsupported_grant_type"), 70003, QStringLiteral("Nope."));
    }

    http::Response tokens()
    {
        ++tokenCounter;
        currentRefreshToken = QStringLiteral("RT-secret-%1").arg(tokenCounter);
        const QJsonObject claims{{QStringLiteral("name"), QStringLiteral("Megan Bowen")},
                                 {QStringLiteral("preferred_username"), QStringLiteral("megan@contoso.test")},
                                 {QStringLiteral("tid"), QStringLiteral("tenant-1")}};
        return http::Response::json(200, QJsonObject{
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("scope"), QStringLiteral("User.Read SecurityAlert.ReadWrite.All SecurityIncident.Read.All profile openid")},
            {QStringLiteral("expires_in"), 3600},
            {QStringLiteral("access_token"), QString(jwt(QJsonObject{{QStringLiteral("scp"), QStringLiteral("User.Read")},
                                                                     {QStringLiteral("n"), tokenCounter}})
                                                         + QStringLiteral("AT-secret"))},
            {QStringLiteral("refresh_token"), currentRefreshToken},
            {QStringLiteral("id_token"), jwt(claims)},
        });
    }

    QMutex m_mutex;
};

} // namespace vigil::test
