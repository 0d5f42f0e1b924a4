#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace vigil::test {

/// Records every log message as "<category> <message>" while installed, and passes each on to the
/// handler that was there before. For tests that check what never reaches a log (secrets, tokens).
class LogCapture
{
public:
    static void install() { previous() = qInstallMessageHandler(&record); }
    static void uninstall() { qInstallMessageHandler(previous()); }
    static QStringList &lines()
    {
        static QStringList recorded;
        return recorded;
    }
    static void clear() { lines().clear(); }
    /// Everything recorded, one message per line.
    static QString text() { return lines().join(QLatin1Char('\n')); }

private:
    static QtMessageHandler &previous()
    {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static void record(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        lines().append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
        if (previous())
            previous()(type, context, message);
    }
};

} // namespace vigil::test
