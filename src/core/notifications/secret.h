#pragma once

#include <QByteArrayView>
#include <QString>

namespace vigil::core {

/// Compares two secrets in time that depends only on their lengths, never on where they first
/// differ, so that a client cannot find a secret one byte at a time by timing the answers.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

/// A new random secret of `bytes` bytes from the system's secure generator, base64url without
/// padding (safe in headers, JSON and URLs).
QString generateSecret(int bytes = 32);

} // namespace vigil::core
