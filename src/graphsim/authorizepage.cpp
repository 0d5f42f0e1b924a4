#include "authorizepage.h"

#include "scopes.h"

namespace graphsim {

namespace {
const char kStyle[] =
    "body{font-family:'Segoe UI',Arial,sans-serif;background:#f2f2f2;margin:0}"
    ".card{background:#fff;max-width:440px;margin:60px auto;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}"
    "h1{font-size:24px;font-weight:600;margin:0 0 16px}.muted{color:#666;font-size:13px}"
    "label.account{display:block;padding:10px;border:1px solid #ddd;margin:6px 0;cursor:pointer}"
    "ul{padding-left:20px}button{padding:8px 24px;margin:16px 8px 0 0;font-size:15px}"
    "button.primary{background:#0067b8;color:#fff;border:none}";

QString pageStart(const QString &title)
{
    return QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%1</title><style>%2</style></head><body><div class=\"card\">")
        .arg(title.toHtmlEscaped(), QString::fromLatin1(kStyle));
}
} // namespace

QByteArray renderAuthorizePage(const AuthorizePageModel &model)
{
    QString html = pageStart(model.adminConsent ? QStringLiteral("Permissions requested - Accept for your organization")
                                                : QStringLiteral("Sign in to your account"));
    html += QStringLiteral("<div class=\"muted\">Microsoft (simulated by graphsim) &middot; %1</div>")
                .arg(model.tenantDomain.toHtmlEscaped());
    html += model.adminConsent ? QStringLiteral("<h1>Permissions requested</h1><p>Accept for your organization</p>")
                               : QStringLiteral("<h1>Pick an account</h1>");
    html += QStringLiteral("<form method=\"post\" action=\"%1\">").arg(model.formAction.toHtmlEscaped());
    html += QStringLiteral("<input type=\"hidden\" name=\"flow\" value=\"%1\">").arg(model.flowId.toHtmlEscaped());
    bool first = true;
    for (const SimUser &user : model.users) {
        const bool checked = model.preselectedUserId.isEmpty() ? first : user.id == model.preselectedUserId;
        html += QStringLiteral("<label class=\"account\"><input type=\"radio\" name=\"account\" value=\"%1\"%2> "
                               "<strong>%3</strong><br><span class=\"muted\">%4</span></label>")
                    .arg(user.id.toHtmlEscaped(), checked ? QStringLiteral(" checked") : QString(),
                         user.displayName.toHtmlEscaped(), user.userPrincipalName.toHtmlEscaped());
        first = false;
    }
    html += QStringLiteral("<p>The application <code>%1</code> would like to:</p><ul id=\"permissions\">")
                .arg(model.clientId.toHtmlEscaped());
    for (const QString &scope : model.scopes) {
        html += QStringLiteral("<li><span class=\"scope\" data-scope=\"%1\">%2</span> <span class=\"muted\">(%1)</span></li>")
                    .arg(scope.toHtmlEscaped(), scopes::description(scope).toHtmlEscaped());
    }
    html += QStringLiteral("</ul><p class=\"muted\">Accepting these permissions means that you allow this app to use "
                           "your data as specified in their terms of service and privacy statement.</p>"
                           "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button>"
                           "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"accept\">Accept</button>"
                           "</form></div></body></html>");
    return html.toUtf8();
}

QByteArray renderErrorPage(int aadsts, const QString &message, const QString &traceId)
{
    QString html = pageStart(QStringLiteral("Sign in to your account"));
    html += QStringLiteral("<h1>Sorry, but we're having trouble signing you in.</h1><p id=\"error\">AADSTS%1: %2</p>"
                           "<p class=\"muted\">Trace ID: %3</p></div></body></html>")
                .arg(aadsts)
                .arg(message.toHtmlEscaped(), traceId.toHtmlEscaped());
    return html.toUtf8();
}

QByteArray renderFormPost(const QString &action, const QList<std::pair<QString, QString>> &fields)
{
    // Entra's form_post page submits itself with a script; this one has a button as well so it
    // also works with scripts off.
    QString html = QStringLiteral("<!DOCTYPE html><html><head><title>Working...</title></head>"
                                  "<body onload=\"document.forms[0].submit()\"><form method=\"POST\" action=\"%1\">")
                       .arg(action.toHtmlEscaped());
    for (const auto &[name, value] : fields) {
        html += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    html += QStringLiteral("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
    return html.toUtf8();
}

} // namespace graphsim
