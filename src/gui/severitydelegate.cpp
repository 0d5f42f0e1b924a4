#include "severitydelegate.h"

#include "core/alerts/alerttablemodel.h"

#include <QPainter>

namespace vigil::gui {

QColor SeverityDelegate::colorFor(int severity)
{
    switch (core::Severity(severity)) {
    case core::Severity::High: return QColor(0xd1, 0x34, 0x38);
    case core::Severity::Medium: return QColor(0xf7, 0x63, 0x0c);
    case core::Severity::Low: return QColor(0xf2, 0xc8, 0x11);
    case core::Severity::Informational: return QColor(0x00, 0x78, 0xd4);
    case core::Severity::Unknown: break;
    }
    return QColor(0x8a, 0x88, 0x86);
}

void SeverityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem text = option;
    initStyleOption(&text, index);
    const int mark = qMin(option.rect.height() - 8, 10);
    text.rect.adjust(mark + 8, 0, 0, 0);
    QStyledItemDelegate::paint(painter, text, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(index.data(core::AlertTableModel::SeverityRole).toInt()));
    const QRect dot(option.rect.left() + 4, option.rect.center().y() - mark / 2, mark, mark);
    painter->drawEllipse(dot);
    painter->restore();
}

} // namespace vigil::gui
