#pragma once

#include "simuser.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace graphsim {

/// What the sign-in and consent page shows.
struct AuthorizePageModel
{
    QString formAction;         ///< path the form posts to
    QString flowId;
    QString clientId;
    QString tenantDomain;
    QList<SimUser> users;
    QString preselectedUserId;
    QStringList scopes;         ///< permissions requested, canonical names
    bool adminConsent = false;
};

/// Renders the sign-in page: an account picker, the requested permissions, Accept and Cancel.
/// Every value is HTML-escaped; the page has no script and loads nothing.
QByteArray renderAuthorizePage(const AuthorizePageModel &model);

/// A plain error page like the one Entra shows when it cannot redirect back to the app.
QByteArray renderErrorPage(int aadsts, const QString &message, const QString &traceId);

/// A page that POSTs `fields` to `action` (response_mode=form_post).
QByteArray renderFormPost(const QString &action, const QList<std::pair<QString, QString>> &fields);

} // namespace graphsim
