#include "header.h"

namespace vigil::http {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const Header &h : headers) {
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

int headerCount(const HeaderList &headers, QByteArrayView name)
{
    int n = 0;
    for (const Header &h : headers) {
        if (QByteArrayView(h.name).compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    }
    return n;
}

} // namespace vigil::http
