#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace vigil::http {

/// One HTTP header field as it appeared on the wire (name case preserved).
struct Header
{
    QByteArray name;
    QByteArray value;
};

using HeaderList = QList<Header>;

/// First value of the header called `name` (case-insensitive), or a null QByteArray.
QByteArray headerValue(const HeaderList &headers, QByteArrayView name);

/// Number of fields called `name` (case-insensitive).
int headerCount(const HeaderList &headers, QByteArrayView name);

} // namespace vigil::http
