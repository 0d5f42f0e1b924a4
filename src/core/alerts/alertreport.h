#pragma once

#include "core/alerts/alert.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace vigil::core {

/// The colours of a report. Each is a CSS colour (`#rgb`, `#rrggbb`, `#rrggbbaa` or a colour
/// name); anything else falls back to the light default. The GUI passes dark colours when its
/// palette is dark.
struct ReportPalette
{
    QString text = QStringLiteral("#1b1b1b");
    QString background = QStringLiteral("#ffffff");
    QString muted = QStringLiteral("#605e5c");
    QString accent = QStringLiteral("#0f6cbd");
    QString border = QStringLiteral("#d6d6d6");
};

/// Renders alerts (alerts_v2 or legacy) as complete HTML documents from their Graph JSON: header,
/// description, recommended actions, evidence grouped by type, MITRE ATT&CK techniques, comments,
/// incident and portal links. Alert content is attacker-controlled, so every value from the alert
/// is escaped text; the only links are https addresses on fixed Microsoft portal hosts and MITRE
/// ATT&CK technique pages (isTrustedLink). One template gives both styles: Screen (a `<style>`
/// block following a palette) and Mail (the same styles inlined on each element, for mail
/// clients that drop head styles).
class AlertReport final
{
    Q_DECLARE_TR_FUNCTIONS(AlertReport)

public:
    enum class Style { Screen, Mail };

    /// One alert as a complete document.
    static QString html(const Alert &alert, Style style = Style::Screen, const ReportPalette &palette = {});
    /// A summary table (severity, title, status, service source, created, id) of `alerts`, followed
    /// by the report of each, as one document (for mailing a selection).
    static QString summaryHtml(const QList<Alert> &alerts, Style style = Style::Mail,
                               const ReportPalette &palette = {});
    /// A document showing one short message (no alert selected, report too large, …).
    static QString messageHtml(const QString &message, const ReportPalette &palette = {});
    /// `json` indented for reading; text that is not JSON is returned as it is.
    static QString prettyJson(const QByteArray &json);

    /// True for the only links a report contains: https, no user info, default port, and either a
    /// host in portalHosts() or a technique page on attack.mitre.org.
    static bool isTrustedLink(const QUrl &url);
    /// The Microsoft portal hosts whose https addresses become links.
    static QStringList portalHosts();
    /// The MITRE ATT&CK page of a technique id ("T1566.001" → …/techniques/T1566/001/); an invalid
    /// URL when `technique` is not such an id.
    static QUrl mitreTechniqueUrl(const QString &technique);
};

} // namespace vigil::core
