#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace vigil::gui {

/// The main window: menus, status bar, the page stack; remembers its geometry and dock state.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        bool demo = false;              ///< show the "Demo data" badge
        QString connectionDescription;  ///< where Vigil signs in and which Graph it talks to
    };

    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Writes geometry and window state to the settings (also done on close).
    void saveWindowState() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void restoreWindowState();
    void showAbout();
    void copyDiagnostics();
    void setFullScreen(bool on);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Options m_options;
    QLabel *m_demoBadge = nullptr;
    QLabel *m_accountLabel = nullptr;
};

} // namespace vigil::gui
