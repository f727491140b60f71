#pragma once

#include "core/Org.h"

#include <QLineEdit>

class QCompleter;

namespace trellis::models {
class OrgSearchModel;
}

namespace trellis::ui {

/// The organisation search: typing asks the server (debounced by the model), a popup lists the matches
/// with their path, and choosing one emits orgChosen() so the tree can reveal it.
class OrgSearchField : public QLineEdit
{
    Q_OBJECT
public:
    OrgSearchField(models::OrgSearchModel* model, QWidget* parent = nullptr);

    QCompleter* completer() const { return m_completer; }
    models::OrgSearchModel* searchModel() const { return m_model; }
    /// Chooses the result in `row` as if the user had picked it from the popup.
    void chooseRow(int row);

Q_SIGNALS:
    void orgChosen(const core::Org& org);

private:
    void onResultsReady();

    models::OrgSearchModel* m_model = nullptr;
    QCompleter* m_completer = nullptr;
};

} // namespace trellis::ui
