// AuthSession: refresh tokens kept in a TokenStore across "restarts", silent sign-in, sign-out,
// and the memory-only fallback. Runs against the recording identity provider; the keychain case
// uses the real Secret Service of the D-Bus session (gnome-keyring in CI).

#include "core/auth/authsession.h"
#include "core/auth/keychaintokenstore.h"
#include "core/auth/memorytokenstore.h"
#include "core/auth/signinflow.h"
#include "core/settings.h"
#include "support/fakeidentityprovider.h"
#include "support/scriptedbrowser.h"
#include "support/serverthread.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using core::AuthSession;
using core::SignInFlow;

namespace {
// A "keychain" that is there but refuses every write, like a locked or missing Secret Service.
class BrokenStore final : public core::TokenStore
{
public:
    using TokenStore::TokenStore;
    void read(const QString &, ReadDone done) override { done(false, {}, QStringLiteral("no Secret Service")); }
    void write(const QString &, const QString &, Done done) override { done(false, QStringLiteral("no Secret Service")); }
    void remove(const QString &, Done done) override { done(false, QStringLiteral("no Secret Service")); }
    bool isPersistent() const override { return true; }
};

bool storeHas(core::TokenStore &store, const QString &key, QString *secret = nullptr)
{
    bool done = false;
    bool found = false;
    store.read(key, [&](bool f, const QString &s, const QString &) {
        found = f;
        if (secret)
            *secret = s;
        done = true;
    });
    QDeadlineTimer deadline(10000);
    while (!done && !deadline.hasExpired())
        QTest::qWait(10);
    return done && found;
}
} // namespace

class tst_AuthSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signIn_storesRefreshToken_restartSignsInSilently();
    void rotation_replacesStoredToken();
    void signOut_removesStoredToken();
    void refusedStoredToken_isDeletedAndUserAsked();
    void brokenKeychain_fallsBackToMemoryAndSaysSoOnce();
    void keychain_realSecretService_roundTrip();

private:
    struct Session
    {
        std::unique_ptr<SignInFlow> flow;
        std::unique_ptr<AuthSession> session;
    };
    Session makeSession(core::TokenStore *store);
    bool interactiveSignIn(SignInFlow &flow);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerThread> m_idpThread;
    test::FakeIdentityProvider *m_idp = nullptr;
    QNetworkAccessManager m_network;
    test::ScriptedBrowser m_browser;
};

void tst_AuthSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_AuthSession::init()
{
    QFile::remove(m_dir.filePath(QStringLiteral("vigil.ini")));
    core::SettingsLocation::setFile(m_dir.filePath(QStringLiteral("vigil.ini")));
    m_idpThread = std::make_unique<test::ServerThread>([this] {
        auto idp = std::make_unique<test::FakeIdentityProvider>();
        m_idp = idp.get();
        return idp;
    });
}

void tst_AuthSession::cleanup()
{
    m_idpThread.reset();
}

tst_AuthSession::Session tst_AuthSession::makeSession(core::TokenStore *store)
{
    Session s;
    s.flow = std::make_unique<SignInFlow>(&m_network);
    core::SignInConfiguration c;
    c.authorityUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_idpThread->port()));
    c.tenant = QStringLiteral("organizations");
    c.clientId = QStringLiteral("00001111-aaaa-2222-bbbb-3333cccc4444");
    c.graphUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));  // /me fails; the ID token still names the user
    s.flow->setConfiguration(c);
    s.session = std::make_unique<AuthSession>(s.flow.get(), store, &m_network);
    return s;
}

bool tst_AuthSession::interactiveSignIn(SignInFlow &flow)
{
    QSignalSpy requested(&flow, &SignInFlow::authorizationRequested);
    QSignalSpy signedIn(&flow, &SignInFlow::signedIn);
    if (!flow.signIn())
        return false;
    m_browser.follow(requested.at(0).at(0).toUrl());
    return !signedIn.isEmpty() || signedIn.wait(5000);
}

void tst_AuthSession::signIn_storesRefreshToken_restartSignsInSilently()
{
    core::MemoryTokenStore store;
    QString key;
    {
        Session first = makeSession(&store);
        QSignalSpy account(first.session.get(), &AuthSession::accountChanged);
        QVERIFY(interactiveSignIn(*first.flow));
        key = first.session->storageKey();
        QVERIFY(key.contains(QLatin1String("megan@contoso.test")));
        QVERIFY(key.contains(QLatin1String("00001111-aaaa-2222-bbbb-3333cccc4444")));
        QTRY_VERIFY_WITH_TIMEOUT(!account.isEmpty(), 5000);
        QCOMPARE(first.session->account().userPrincipalName, QStringLiteral("megan@contoso.test"));
        QCOMPARE(first.session->account().displayName, QStringLiteral("Megan Bowen"));
    }
    QString stored;
    QVERIFY(storeHas(store, key, &stored));
    QCOMPARE(stored, QStringLiteral("RT-secret-1"));
    // Nothing secret in the settings file.
    QFile ini(core::SettingsLocation::file());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("secret"));

    Session second = makeSession(&store);
    QSignalSpy restored(second.session.get(), &AuthSession::restoreFinished);
    second.session->restore();
    QVERIFY(restored.wait(5000));
    QCOMPARE(restored.at(0).at(0).toBool(), true);
    QVERIFY(second.flow->isSignedIn());
    QCOMPARE(m_idp->tokenRequests().size(), 2);
}

void tst_AuthSession::rotation_replacesStoredToken()
{
    core::MemoryTokenStore store;
    Session s = makeSession(&store);
    QVERIFY(interactiveSignIn(*s.flow));
    QSignalSpy refreshed(s.flow.get(), &SignInFlow::accessTokenRefreshed);
    s.flow->refresh();
    QVERIFY(refreshed.wait(5000));
    QString stored;
    QTRY_VERIFY(storeHas(store, s.session->storageKey(), &stored) && stored == QLatin1String("RT-secret-2"));
    QCOMPARE(store.size(), 1);
}

void tst_AuthSession::signOut_removesStoredToken()
{
    core::MemoryTokenStore store;
    Session s = makeSession(&store);
    QVERIFY(interactiveSignIn(*s.flow));
    const QString key = s.session->storageKey();
    QVERIFY(storeHas(store, key));
    s.session->signOut();
    QVERIFY(!s.flow->isSignedIn());
    QVERIFY(s.flow->accessToken().isEmpty());
    QVERIFY(!storeHas(store, key));
    // Nothing to restore after a sign-out.
    Session again = makeSession(&store);
    QSignalSpy restored(again.session.get(), &AuthSession::restoreFinished);
    again.session->restore();
    QTRY_COMPARE(restored.size(), 1);
    QCOMPARE(restored.at(0).at(0).toBool(), false);
}

void tst_AuthSession::refusedStoredToken_isDeletedAndUserAsked()
{
    core::MemoryTokenStore store;
    QString key;
    {
        Session first = makeSession(&store);
        QVERIFY(interactiveSignIn(*first.flow));
        key = first.session->storageKey();
    }
    m_idp->with([](test::FakeIdentityProvider &idp) {
        idp.failNextWithError = "invalid_grant";
        idp.failNextWithCode = 700082;
    });
    Session second = makeSession(&store);
    QSignalSpy restored(second.session.get(), &AuthSession::restoreFinished);
    second.session->restore();
    QVERIFY(restored.wait(5000));
    QCOMPARE(restored.at(0).at(0).toBool(), false);
    QVERIFY(restored.at(0).at(1).toString().contains(QLatin1String("Sign in again")));
    QVERIFY(!storeHas(store, key));
}

void tst_AuthSession::brokenKeychain_fallsBackToMemoryAndSaysSoOnce()
{
    BrokenStore broken;
    Session s = makeSession(&broken);
    QSignalSpy memoryOnly(s.session.get(), &AuthSession::memoryOnly);
    QVERIFY(interactiveSignIn(*s.flow));
    QTRY_COMPARE(memoryOnly.size(), 1);
    QVERIFY(memoryOnly.at(0).at(0).toString().contains(QLatin1String("no Secret Service")));
    QVERIFY(s.session->isMemoryOnly());
    QSignalSpy refreshed(s.flow.get(), &SignInFlow::accessTokenRefreshed);
    s.flow->refresh();
    QVERIFY(refreshed.wait(5000));
    QTest::qWait(50);
    QCOMPARE(memoryOnly.size(), 1);  // said once, not on every rotation
}

void tst_AuthSession::keychain_realSecretService_roundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a D-Bus session with a Secret Service (tools/setup.sh test provides one)");
    core::KeychainTokenStore keychain(QStringLiteral("VigilTest"));
    QString key;
    {
        Session first = makeSession(&keychain);
        QSignalSpy memoryOnly(first.session.get(), &AuthSession::memoryOnly);
        QVERIFY(interactiveSignIn(*first.flow));
        key = first.session->storageKey();
        QString stored;
        QVERIFY2(storeHas(keychain, key, &stored), "the refresh token is not in the keychain");
        QCOMPARE(stored, QStringLiteral("RT-secret-1"));
        QVERIFY(memoryOnly.isEmpty());
    }
    {
        // "Restart": new flow objects, same keychain.
        Session second = makeSession(&keychain);
        QSignalSpy restored(second.session.get(), &AuthSession::restoreFinished);
        second.session->restore();
        QVERIFY(restored.wait(10000));
        QVERIFY(restored.at(0).at(0).toBool());
        QString stored;
        QTRY_VERIFY(storeHas(keychain, key, &stored) && stored == QLatin1String("RT-secret-2"));
        second.session->signOut();
    }
    QVERIFY(!storeHas(keychain, key));
}

QTEST_GUILESS_MAIN(tst_AuthSession)
#include "tst_authsession.moc"
