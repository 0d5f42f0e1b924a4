#pragma once

// Plays the user's browser in sign-in tests: loads a URL and follows redirects one by one (so a
// test can see each hop), optionally submitting a form on the way.

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace vigil::test {

class ScriptedBrowser
{
public:
    struct Page
    {
        int status = 0;
        QUrl url;
        QUrl location;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    Page get(const QUrl &url) { return finish(m_network.get(request(url)), url); }

    Page postForm(const QUrl &url, const QByteArray &form)
    {
        QNetworkRequest r = request(url);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        return finish(m_network.post(r, form), url);
    }

    /// GET `url`, then follow up to `maxHops` redirects; returns every page seen.
    QList<Page> follow(const QUrl &url, int maxHops = 10)
    {
        QList<Page> pages{get(url)};
        while (pages.size() <= maxHops && pages.constLast().location.isValid() && !pages.constLast().location.isEmpty())
            pages.append(get(pages.constLast().url.resolved(pages.constLast().location)));
        return pages;
    }

private:
    static QNetworkRequest request(const QUrl &url)
    {
        QNetworkRequest r(url);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        return r;
    }

    static Page finish(QNetworkReply *reply, const QUrl &url)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        Page page;
        page.url = url;
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        page.body = reply->readAll();
        page.error = reply->error();
        reply->deleteLater();
        return page;
    }

    QNetworkAccessManager m_network;
};

} // namespace vigil::test
