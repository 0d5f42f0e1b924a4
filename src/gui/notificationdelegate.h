#pragma once

#include <QStyledItemDelegate>

namespace vigil::gui {

/// Paints unread notifications in bold (the model has no fonts: it lives in core).
class NotificationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace vigil::gui
