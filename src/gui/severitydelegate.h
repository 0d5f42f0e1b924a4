#pragma once

#include <QStyledItemDelegate>

namespace vigil::gui {

/// Paints the severity column as a coloured mark followed by the word, so severity is readable at
/// a glance and still without colour.
class SeverityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor colorFor(int severity);
};

} // namespace vigil::gui
