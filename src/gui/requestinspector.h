#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class RequestInspector;
}

namespace vigil::core {
class RequestLogModel;
}

namespace vigil::gui {

/// Lists the Graph calls of this session (View → Request Inspector).
class RequestInspector final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestInspector)

public:
    explicit RequestInspector(core::RequestLogModel *model, QWidget *parent = nullptr);
    ~RequestInspector() override;

private:
    std::unique_ptr<Ui::RequestInspector> m_ui;
};

} // namespace vigil::gui
