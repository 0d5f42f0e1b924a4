#include "request.h"

#include <QUrl>

namespace vigil::http {

namespace {
QByteArrayView pathPart(const QByteArray &target)
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArrayView(target) : QByteArrayView(target).first(q);
}
} // namespace

QString Request::path() const
{
    return QUrl::fromPercentEncoding(pathPart(target).toByteArray());
}

QByteArray Request::rawQuery() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QUrlQuery Request::query() const
{
    return QUrlQuery(QString::fromLatin1(rawQuery()));
}

QString Request::queryValue(const QString &key) const
{
    return query().queryItemValue(key, QUrl::FullyDecoded);
}

QList<std::pair<QString, QString>> parseFormUrlEncoded(QByteArrayView body)
{
    QList<std::pair<QString, QString>> fields;
    const auto decode = [](QByteArrayView part) {
        QByteArray bytes = part.toByteArray();
        bytes.replace('+', ' ');
        return QUrl::fromPercentEncoding(bytes);
    };
    const QList<QByteArray> pairs = body.toByteArray().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            fields.append({decode(pair), QString()});
        else
            fields.append({decode(QByteArrayView(pair).first(eq)), decode(QByteArrayView(pair).sliced(eq + 1))});
    }
    return fields;
}

} // namespace vigil::http
