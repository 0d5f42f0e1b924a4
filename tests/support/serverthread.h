#pragma once

// Runs a vigil::http::Server with a handler on its own thread, so a test or a benchmark can talk
// to it with blocking sockets from the main thread.

#include "http/requesthandler.h"
#include "http/server.h"

#include <QSemaphore>
#include <QThread>

#include <functional>
#include <memory>

namespace vigil::test {

class ServerThread
{
public:
    using HandlerFactory = std::function<std::unique_ptr<http::RequestHandler>()>;

    ServerThread(HandlerFactory factory, const http::ServerLimits &limits = {},
                 std::optional<QSslConfiguration> tls = std::nullopt)
    {
        m_thread.start();
        QSemaphore ready;
        QMetaObject::invokeMethod(m_context.get(), [&] {
            m_handler = factory();
            m_server = std::make_unique<http::Server>(m_handler.get());
            m_server->setLimits(limits);
            if (tls)
                m_server->setTlsConfiguration(*tls);
            m_listening = m_server->listen();
            m_port = m_server->serverPort();
            m_error = m_server->errorString();
            ready.release();
        }, Qt::QueuedConnection);
        ready.acquire();
    }

    ~ServerThread()
    {
        QSemaphore done;
        QMetaObject::invokeMethod(m_context.get(), [&] {
            m_server.reset();
            m_handler.reset();
            done.release();
        }, Qt::QueuedConnection);
        done.acquire();
        m_thread.quit();
        m_thread.wait();
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    /// Runs `f` on the server thread and waits for it.
    template <typename F>
    void run(F f)
    {
        QSemaphore done;
        QMetaObject::invokeMethod(m_context.get(), [&] {
            f(*m_server);
            done.release();
        }, Qt::QueuedConnection);
        done.acquire();
    }

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_context = [this] {
        auto context = std::make_unique<QObject>();
        context->moveToThread(&m_thread);
        return context;
    }();
    std::unique_ptr<http::RequestHandler> m_handler;
    std::unique_ptr<http::Server> m_server;
    bool m_listening = false;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace vigil::test
