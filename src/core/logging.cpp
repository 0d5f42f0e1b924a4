#include "logging.h"

#include <QLoggingCategory>

namespace vigil::core {

void configureLogging(bool verbose)
{
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("vigil.*.debug=true\nvigil.*.info=true")
                                             : QStringLiteral("vigil.*.debug=false\nvigil.*.info=true"));
}

void installLogFormat()
{
    qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{if-debug}D%{endif}%{if-info}I%{endif}"
                                      "%{if-warning}W%{endif}%{if-critical}C%{endif}%{if-fatal}F%{endif} "
                                      "%{category}: %{message}"));
}

} // namespace vigil::core
