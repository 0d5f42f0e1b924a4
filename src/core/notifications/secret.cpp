#include "secret.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace vigil::core {

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Every byte of the longer input is looked at; the length difference is folded into the result
    // instead of returning early.
    const qsizetype n = qMax(a.size(), b.size());
    quint32 difference = a.size() == b.size() ? 0u : 1u;
    for (qsizetype i = 0; i < n; ++i) {
        const quint8 x = i < a.size() ? quint8(a[i]) : 0;
        const quint8 y = i < b.size() ? quint8(b[i]) : 0;
        difference |= quint32(x ^ y);
    }
    // Keep the compiler from turning the loop into an early exit.
    volatile quint32 result = difference;
    return result == 0;
}

QString generateSecret(int bytes)
{
    QByteArray raw(qMax(16, bytes), Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / int(sizeof(quint32)));
    for (qsizetype i = raw.size() / qsizetype(sizeof(quint32)) * qsizetype(sizeof(quint32)); i < raw.size(); ++i)
        raw[i] = char(QRandomGenerator::system()->generate() & 0xff);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace vigil::core
