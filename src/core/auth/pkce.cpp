#include "pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace vigil::core {

namespace {
QByteArray secureRandomBytes(int count)
{
    QByteArray bytes(((count + 3) / 4) * 4, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(count);
    return bytes;
}

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

Pkce Pkce::generate(int length)
{
    length = qBound(43, length, 128);
    // Base64url of n bytes has ceil(4n/3) characters; take enough bytes, then cut to length.
    QByteArray verifier = secureRandomBytes((length * 3) / 4 + 3).toBase64(kBase64Url);
    verifier.truncate(length);
    return {verifier, challengeFor(verifier)};
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray randomState()
{
    return secureRandomBytes(32).toBase64(kBase64Url);
}

} // namespace vigil::core
