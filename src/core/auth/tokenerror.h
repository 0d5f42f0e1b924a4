#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil::core {

/// An error answer of the Microsoft identity platform's token endpoint (or a transport failure
/// while talking to it), with what a person can do about it.
struct TokenError
{
    int httpStatus = 0;          ///< 0 for a network failure
    QString error;               ///< OAuth error code: invalid_grant, invalid_client, …
    QString description;         ///< error_description, "AADSTS70008: …"
    QList<int> codes;            ///< error_codes: AADSTS numbers
    QString traceId;
    QString correlationId;
    QString timestamp;

    /// Parses the JSON body of a token-endpoint error; a body that is not JSON becomes the description.
    static TokenError fromResponse(int httpStatus, const QByteArray &body);
    static TokenError networkFailure(const QString &message);

    /// The first AADSTS number, from error_codes or the description; 0 if none.
    int aadstsCode() const;
    /// True when only a new interactive sign-in can help (invalid_grant, expired/revoked tokens, …).
    bool requiresInteractiveSignIn() const;
    /// A translated sentence that says what went wrong and what to change.
    QString advice() const;
    /// advice() plus the technical details to quote to an administrator or support.
    QString userMessage() const;

    Q_DECLARE_TR_FUNCTIONS(TokenError)
};

} // namespace vigil::core
