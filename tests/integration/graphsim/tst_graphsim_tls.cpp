// graphsim over HTTPS: absolute URLs carry https, and notifications reach an https receiver whose
// certificate the simulator was told to trust. The certificate is made with the openssl tool.
#include "graphsimtestclient.h"

#include "http/requesthandler.h"
#include "http/server.h"

#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace graphsimtest;

class TestTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<QSslConfiguration> m_tls;
    QList<QSslCertificate> m_certificate;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl tool is needed to make a test certificate");
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                          QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
                          QStringLiteral("-out"), m_dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"),
                          QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                          QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QString error;
        m_tls = vigil::http::loadTlsConfiguration(m_dir.filePath(QStringLiteral("cert.pem")),
                                                  m_dir.filePath(QStringLiteral("key.pem")), &error);
        QVERIFY2(m_tls, qPrintable(error));
        m_certificate = m_tls->localCertificateChain();
        // The test client trusts the self-signed certificate like a CA.
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.addCaCertificates(m_certificate);
        QSslConfiguration::setDefaultConfiguration(client);
    }

    void httpsSimulator_emitsHttpsUrlsAndDeliversToHttpsReceiver()
    {
        QList<QJsonObject> received;
        vigil::http::FunctionHandler handler([&received](const vigil::http::Request &request, vigil::http::Responder responder) {
            const QString token = request.queryValue(QStringLiteral("validationToken"));
            if (!token.isEmpty())
                return responder.send(vigil::http::Response::text(200, token.toUtf8()));
            received.append(QJsonDocument::fromJson(request.body).object());
            responder.send(vigil::http::Response::empty(202));
        });
        vigil::http::Server receiver(&handler);
        receiver.setTlsConfiguration(*m_tls);
        QVERIFY(receiver.listen());

        graphsim::SimulatorOptions o = smallOptions(30);
        o.tls = m_tls;
        o.notificationCaCertificates = m_certificate;
        o.maxPageSize = 10;
        graphsim::Simulator sim(o);
        QVERIFY(sim.start());
        QCOMPARE(sim.baseUrl().scheme(), QStringLiteral("https"));

        HttpClient http;
        const QByteArray token = accessToken(http, sim);
        QVERIFY(!token.isEmpty());
        const HttpResult page = http.get(graphUrl(sim, QStringLiteral("security/alerts_v2")), token);
        QCOMPARE(page.status, 200);
        QVERIFY(page.json().value(QStringLiteral("@odata.nextLink")).toString().startsWith(QStringLiteral("https://127.0.0.1:")));
        QVERIFY(page.json().value(QStringLiteral("@odata.context")).toString().startsWith(QStringLiteral("https://")));

        QString ipcAlert;
        for (int i = 0; i < sim.legacyAlertCount() && ipcAlert.isEmpty(); ++i) {
            const QJsonObject a = sim.legacyAlert(sim.legacyAlertIdAt(i));
            if (a.value(QStringLiteral("vendorInformation")).toObject().value(QStringLiteral("provider")).toString() == u"IPC")
                ipcAlert = a.value(QStringLiteral("id")).toString();
        }
        QVERIFY(!ipcAlert.isEmpty());
        const HttpResult sub = http.sendJson("POST", graphUrl(sim, QStringLiteral("subscriptions")),
                                             {{QStringLiteral("changeType"), QStringLiteral("updated")},
                                              {QStringLiteral("notificationUrl"), QString(receiver.baseUrl().toString() + QStringLiteral("/listen"))},
                                              {QStringLiteral("resource"), QString(QStringLiteral("security/alerts/") + ipcAlert)},
                                              {QStringLiteral("expirationDateTime"), QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate)},
                                              {QStringLiteral("clientState"), QStringLiteral("x")}},
                                             token);
        QCOMPARE(sub.status, 201);
        QVERIFY(sim.updateLegacyAlert(ipcAlert, {{QStringLiteral("status"), QStringLiteral("resolved")}}));
        QTRY_COMPARE(received.size(), 1);
        sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_graphsim_tls.moc"
