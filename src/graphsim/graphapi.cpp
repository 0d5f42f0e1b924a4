#include "graphapi.h"

#include "alertsapi.h"
#include "clock.h"
#include "dataset.h"
#include "graphcontext.h"
#include "graphresponse.h"
#include "legacyalertsapi.h"
#include "subscriptionservice.h"
#include "tokenservice.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcGraph, "graphsim.graph", QtInfoMsg)

namespace graphsim {

using vigil::http::Request;
using vigil::http::Responder;
using vigil::http::Response;

namespace {
QByteArray bearerToken(const Request &request)
{
    const QByteArray header = request.header("Authorization").trimmed();
    if (header.size() > 7 && QByteArrayView(header).first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return header.mid(7).trimmed();
    return {};
}

/// Graph JSON property names are case-insensitive on input: `Message`/`ToRecipients` (as the
/// original Python sample sends) become `message`/`toRecipients`.
QJsonValue camelCaseKeys(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &v : in)
            out.append(camelCaseKeys(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        QString key = it.key();
        if (!key.isEmpty() && !key.startsWith(u'@'))
            key[0] = key[0].toLower();
        out.insert(key, camelCaseKeys(it.value()));
    }
    return out;
}
} // namespace

GraphApi::GraphApi(Dataset *dataset, const Clock *clock, const TokenService *tokens, AlertsApi *alerts,
                   LegacyAlertsApi *legacy, SubscriptionService *subscriptions, QObject *parent)
    : QObject(parent)
    , m_dataset(dataset)
    , m_clock(clock)
    , m_tokens(tokens)
    , m_alerts(alerts)
    , m_legacy(legacy)
    , m_subscriptions(subscriptions)
{
}

bool GraphApi::handles(const QString &path)
{
    return path.startsWith(u"/v1.0/", Qt::CaseInsensitive) || path.startsWith(u"/beta/", Qt::CaseInsensitive)
           || path.compare(u"/v1.0", Qt::CaseInsensitive) == 0 || path.compare(u"/beta", Qt::CaseInsensitive) == 0;
}

QString GraphApi::clientIdOf(const Request &request) const
{
    TokenService::Failure failure;
    const auto claims = m_tokens->verify(bearerToken(request), m_clock->nowMs(), &failure);
    return claims ? claims->clientId : QString();
}

void GraphApi::handleRequest(const Request &request, Responder responder)
{
    QStringList segments = request.path().split(u'/', Qt::SkipEmptyParts);
    const QString version = segments.isEmpty() ? QStringLiteral("v1.0") : segments.takeFirst().toLower();
    GraphCall call{request, segments, version, {}, graphresponse::origin(request, m_baseUrl)};

    TokenService::Failure failure;
    const auto claims = m_tokens->verify(bearerToken(request), m_clock->nowMs(), &failure);
    if (!claims) {
        QString message;
        switch (failure) {
        case TokenService::Failure::Empty: message = QStringLiteral("Access token is empty."); break;
        case TokenService::Failure::Expired:
            message = QStringLiteral("Lifetime validation failed, the token is expired.");
            break;
        case TokenService::Failure::BadSignature:
            message = QStringLiteral("Access token validation failure. Invalid signature.");
            break;
        default: message = QStringLiteral("CompactToken parsing failed with error code: 80049217"); break;
        }
        Response r = call.error(401, QStringLiteral("InvalidAuthenticationToken"), message);
        r.setHeader("WWW-Authenticate",
                    QStringLiteral("Bearer realm=\"\", authorization_uri=\"%1/common/oauth2/authorize\", "
                                   "client_id=\"00000003-0000-0000-c000-000000000000\"")
                        .arg(call.origin)
                        .toUtf8());
        return responder.send(r);
    }
    call.claims = *claims;

    const QString first = segments.value(0).toLower();
    if (segments.isEmpty())
        return responder.send(call.error(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid request.")));
    if (first == u"me" || first == u"users") {
        const bool isMe = first == u"me";
        const int rest = isMe ? 1 : 2;
        const QString userKey = isMe ? QString() : segments.value(1);
        if (segments.size() == rest && (request.method == "GET" || request.method == "HEAD")) {
            if (!isMe)
                return responder.send(call.error(403, QStringLiteral("Authorization_RequestDenied"),
                                                 QStringLiteral("Insufficient privileges to complete the operation.")));
            return responder.send(me(call));
        }
        const QString action = segments.value(rest).toLower();
        if (segments.size() == rest + 1 && (action == u"sendmail" || action == u"microsoft.graph.sendmail")) {
            if (request.method != "POST")
                return responder.send(call.error(405, QStringLiteral("Request_BadRequest"),
                                                 QStringLiteral("The HTTP method is not supported.")));
            return responder.send(sendMail(call, userKey));
        }
        return responder.send(call.error(400, QStringLiteral("BadRequest"),
                                         QStringLiteral("Resource not found for the segment '%1'.")
                                             .arg(segments.value(rest, segments.last()))));
    }
    if (first == u"security") {
        const QString second = segments.value(1).toLower();
        if (second == u"alerts_v2" || second == u"incidents")
            return responder.send(m_alerts->handle(call));
        if (second == u"alerts")
            return responder.send(m_legacy->handle(call));
        return responder.send(call.error(400, QStringLiteral("BadRequest"),
                                         QStringLiteral("Resource not found for the segment '%1'.")
                                             .arg(segments.value(1))));
    }
    if (first == u"subscriptions")
        return m_subscriptions->handle(call, responder);
    responder.send(call.error(400, QStringLiteral("BadRequest"),
                              QStringLiteral("Resource not found for the segment '%1'.").arg(segments.first())));
}

Response GraphApi::me(const GraphCall &call)
{
    if (!call.hasScope({"User.Read", "User.ReadBasic.All", "User.Read.All", "User.ReadWrite", "Directory.Read.All"}))
        return call.error(403, QStringLiteral("Authorization_RequestDenied"),
                          QStringLiteral("Insufficient privileges to complete the operation."));
    const SimUser *user = m_dataset->findUser(call.claims.userId);
    if (!user)
        return call.error(404, QStringLiteral("Request_ResourceNotFound"),
                          QStringLiteral("Resource '%1' does not exist or one of its queried reference-property "
                                         "objects are not present.").arg(call.claims.userId));
    QJsonArray phones;
    for (const QString &p : user->businessPhones)
        phones.append(p);
    const QJsonObject body{
        {QStringLiteral("@odata.context"), call.url(QStringLiteral("$metadata#users/$entity"))},
        {QStringLiteral("businessPhones"), phones},
        {QStringLiteral("displayName"), user->displayName},
        {QStringLiteral("givenName"), user->givenName},
        {QStringLiteral("jobTitle"), user->jobTitle},
        {QStringLiteral("mail"), user->mail.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(user->mail)},
        {QStringLiteral("mobilePhone"), user->mobilePhone},
        {QStringLiteral("officeLocation"), user->officeLocation},
        {QStringLiteral("preferredLanguage"), QStringLiteral("en-US")},
        {QStringLiteral("surname"), user->surname},
        {QStringLiteral("userPrincipalName"), user->userPrincipalName},
        {QStringLiteral("id"), user->id},
    };
    return call.json(200, body);
}

Response GraphApi::sendMail(const GraphCall &call, const QString &userKey)
{
    if (!call.hasScope({"Mail.Send"}))
        return call.error(403, QStringLiteral("ErrorAccessDenied"),
                          QStringLiteral("Access is denied. Check credentials and try again."));
    const SimUser *sender = m_dataset->findUser(call.claims.userId);
    if (!userKey.isEmpty()) {
        const SimUser *target = m_dataset->findUser(userKey);
        if (!target)
            return call.error(404, QStringLiteral("ErrorInvalidUser"),
                              QStringLiteral("The requested user '%1' is invalid.").arg(userKey));
        if (!sender || target->id != sender->id)
            return call.error(403, QStringLiteral("ErrorAccessDenied"),
                              QStringLiteral("Access is denied. Check credentials and try again."));
    }
    if (!sender || sender->mail.isEmpty())
        return call.error(404, QStringLiteral("MailboxNotEnabledForRESTAPI"),
                          QStringLiteral("The mailbox is either inactive, soft-deleted, or is hosted on-premise."));
    QJsonObject entry{
        {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("from"), sender->mail},
        {QStringLiteral("sentDateTime"), m_clock->now().toString(Qt::ISODate)},
    };
    const QByteArray contentType = call.request.header("Content-Type").toLower();
    if (contentType.startsWith("text/plain")) {
        // A base64-encoded MIME message.
        const QByteArray trimmed = call.request.body.trimmed();
        const auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
        if (trimmed.isEmpty() || !decoded)
            return call.error(400, QStringLiteral("ErrorMimeContentInvalidBase64String"),
                              QStringLiteral("Invalid base64 string for MIME content."));
        entry.insert(QStringLiteral("mime"), QString::fromUtf8(*decoded));
        entry.insert(QStringLiteral("saveToSentItems"), true);
    } else {
        QString error;
        const auto raw = call.jsonBody(&error);
        if (!raw)
            return call.error(400, QStringLiteral("RequestBodyRead"), error);
        const QJsonObject body = camelCaseKeys(*raw).toObject();
        const QJsonValue message = body.value(QStringLiteral("message"));
        if (!message.isObject())
            return call.error(400, QStringLiteral("ErrorInvalidParameter"),
                              QStringLiteral("The value of the parameter 'Message' is empty."));
        const QJsonObject m = message.toObject();
        const QJsonArray to = m.value(QStringLiteral("toRecipients")).toArray();
        const QJsonArray cc = m.value(QStringLiteral("ccRecipients")).toArray();
        const QJsonArray bcc = m.value(QStringLiteral("bccRecipients")).toArray();
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty())
            return call.error(400, QStringLiteral("ErrorInvalidRecipients"),
                              QStringLiteral("At least one recipient isn't valid., A message can't be sent because "
                                             "it contains no recipients."));
        for (const QJsonArray &list : {to, cc, bcc}) {
            for (const QJsonValue &r : list) {
                const QString address = r.toObject().value(QStringLiteral("emailAddress")).toObject()
                                            .value(QStringLiteral("address")).toString();
                const qsizetype at = address.indexOf(u'@');
                if (at <= 0 || at == address.size() - 1 || address.contains(u' '))
                    return call.error(400, QStringLiteral("ErrorInvalidRecipients"),
                                      QStringLiteral("At least one recipient isn't valid., Recipient '%1' isn't "
                                                     "resolved. All recipients must be resolved before a message can "
                                                     "be submitted.").arg(address));
            }
        }
        const QJsonValue bodyType = m.value(QStringLiteral("body")).toObject().value(QStringLiteral("contentType"));
        if (!bodyType.isUndefined() && bodyType.toString().compare(u"text", Qt::CaseInsensitive) != 0
            && bodyType.toString().compare(u"html", Qt::CaseInsensitive) != 0)
            return call.error(400, QStringLiteral("RequestBodyRead"),
                              QStringLiteral("Requested value '%1' was not found.").arg(bodyType.toString()));
        const QJsonValue save = body.value(QStringLiteral("saveToSentItems"));
        entry.insert(QStringLiteral("message"), m);
        entry.insert(QStringLiteral("saveToSentItems"),
                     save.isBool() ? save.toBool() : save.toString().compare(u"false", Qt::CaseInsensitive) != 0);
    }
    m_outbox.append(entry);
    // Bounded, so a long-running demo does not grow without end.
    while (m_outbox.size() > 10'000)
        m_outbox.removeFirst();
    qCInfo(lcGraph) << "mail accepted from" << sender->mail;
    Q_EMIT mailSent(entry);
    return call.empty(202);
}

} // namespace graphsim
