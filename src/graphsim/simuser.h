#pragma once

#include <QString>
#include <QStringList>

namespace graphsim {

/// The Entra directory role a simulated account holds; the security APIs check it like the real
/// service does for delegated calls (Security Reader to read, Security Operator to update).
enum class SecurityRole { None, Reader, Operator, Administrator };

/// One account of the simulated tenant (they appear in the sign-in page's account picker).
struct SimUser
{
    QString id;                  ///< object id (GUID)
    QString displayName;
    QString givenName;
    QString surname;
    QString userPrincipalName;
    QString mail;                ///< empty when the account has no mailbox (Graph returns null)
    QString jobTitle;
    QString officeLocation;
    QString mobilePhone;
    QStringList businessPhones;
    SecurityRole role = SecurityRole::None;
};

} // namespace graphsim
