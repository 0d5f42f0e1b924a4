#pragma once

#include <QByteArray>

namespace vigil::core {

/// Proof Key for Code Exchange (RFC 7636) with the S256 method.
struct Pkce
{
    QByteArray verifier;   ///< 43–128 characters of [A-Za-z0-9-._~]
    QByteArray challenge;  ///< BASE64URL(SHA256(verifier)), no padding

    /// A fresh verifier from the system's secure random source. `length` is clamped to 43–128.
    static Pkce generate(int length = 64);
    static QByteArray challengeFor(const QByteArray &verifier);
};

/// A fresh random OAuth `state`: 32 bytes from the secure random source, base64url (43 characters).
QByteArray randomState();

} // namespace vigil::core
