#include "notificationdelegate.h"

#include "core/notifications/notificationmodel.h"

namespace vigil::gui {

void NotificationDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(core::NotificationModel::ReadRole).toBool())
        option->font.setBold(true);
}

} // namespace vigil::gui
