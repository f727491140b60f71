#pragma once

#include <QIcon>
#include <QWidget>

namespace trellis::ui {

/// One section of the main window ("Organisations" now; "People", "Login flows", "Audit" and "Reviews"
/// join later). The main window lists only sections that exist, in the order they are added.
class SectionPage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// The stable name used on the command line (`--show orgs`).
    virtual QString sectionKey() const = 0;
    /// Translated title for the navigation list.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;

    /// Called when the section is shown and whenever the connection is (re)established.
    virtual void activate() {}
    virtual void reload() {}
    /// The connection came back after an interruption: load again whatever failed meanwhile.
    virtual void recover() {}
    /// Ctrl+F: put the keyboard focus in this section's search field, if it has one.
    virtual void focusSearch() {}
    virtual bool isBusy() const { return false; }

    /// Brings the section into its documented screenshot state (data loaded, something representative
    /// selected) and then emits screenshotReady(), or screenshotFailed() with a reason.
    virtual void prepareScreenshot() = 0;

Q_SIGNALS:
    void busyChanged(bool busy);
    void screenshotReady();
    void screenshotFailed(const QString& message);
};

} // namespace trellis::ui
