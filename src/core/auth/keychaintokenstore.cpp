#include "keychaintokenstore.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "vigil.core.auth.keychain", QtInfoMsg)

namespace vigil::core {

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent)
    , m_service(service)
{
}

void KeychainTokenStore::read(const QString &key, ReadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        switch (read->error()) {
        case QKeychain::NoError:
            done(true, read->textData(), {});
            break;
        case QKeychain::EntryNotFound:
            done(false, {}, {});
            break;
        default:
            qCWarning(lcKeychain) << "keychain read failed:" << read->errorString();
            done(false, {}, read->errorString());
            break;
        }
    });
    job->start();
}

void KeychainTokenStore::write(const QString &key, const QString &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            qCWarning(lcKeychain) << "keychain write failed:" << finished->errorString();
        done(finished->error() == QKeychain::NoError, finished->errorString());
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(ok, ok ? QString() : finished->errorString());
    });
    job->start();
}

} // namespace vigil::core
