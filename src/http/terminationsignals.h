#pragma once

#include <QObject>

class QSocketNotifier;

namespace vigil::http {

/// Turns SIGINT and SIGTERM into a Qt signal delivered on the event loop (self-pipe trick), so
/// servers and the app shut down cleanly: sockets closed, settings written. Lives with the HTTP
/// layer because every process that serves HTTP (Vigil, graphsim) needs it. One per process.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    /// False when the handlers could not be installed (or on platforms without POSIX signals).
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vigil::http
