#include "ui/ProfilesDialog.h"

#include "client/ConnectionProfile.h"
#include "models/ProfileStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel* errorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->hide();
    return label;
}

} // namespace

ProfilesDialog::ProfilesDialog(models::ProfileStore* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Connection Profiles"));
    setAccessibleName(tr("Connection profiles"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    auto* listLabel = new QLabel(tr("&Profiles:"), this);
    listLabel->setBuddy(m_list);

    m_add = new QPushButton(tr("&New"), this);
    m_add->setAccessibleName(tr("New profile"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setAccessibleName(tr("Remove the selected profile"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setAccessibleName(tr("Profile name"));
    m_name->setPlaceholderText(tr("e.g. Acme production"));
    m_nameError = errorLabel(this);
    m_nameError->setAccessibleName(tr("Profile name problem"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("profileUrl"));
    m_url->setAccessibleName(tr("Server address"));
    m_url->setPlaceholderText(QStringLiteral("https://id.example.com"));
    m_urlError = errorLabel(this);
    m_urlError->setObjectName(QStringLiteral("profileUrlError"));
    m_urlError->setAccessibleName(tr("Server address problem"));
    m_save = new QPushButton(tr("&Save Profile"), this);
    m_save->setAccessibleName(tr("Save the profile"));

    // Each field with its error right below it, so a hidden error leaves no gap.
    auto fieldWithError = [](QLineEdit* field, QLabel* error) {
        auto* box = new QVBoxLayout;
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(error);
        return box;
    };
    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("Na&me:"), this);
    nameLabel->setBuddy(m_name);
    auto* urlLabel = new QLabel(tr("Server &address:"), this);
    urlLabel->setBuddy(m_url);
    form->addRow(nameLabel, fieldWithError(m_name, m_nameError));
    form->addRow(urlLabel, fieldWithError(m_url, m_urlError));
    auto* hint = new QLabel(tr("Profiles hold no passwords. When you sign in, Trellis keeps your sign-in in the "
                               "system keychain."),
                            this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    form->addRow(QString(), m_save);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto* content = new QHBoxLayout;
    content->addLayout(left, 2);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch(1);
    content->addLayout(right, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(content, 1);
    layout->addWidget(buttons);
    setTabOrder(m_list, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_name);
    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_save);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::showSelected);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::startNew);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    connect(m_save, &QPushButton::clicked, this, &ProfilesDialog::saveCurrent);
    // Enter in a field saves the profile instead of closing the dialog.
    connect(m_name, &QLineEdit::returnPressed, this, &ProfilesDialog::saveCurrent);
    connect(m_url, &QLineEdit::returnPressed, this, &ProfilesDialog::saveCurrent);
    connect(m_url, &QLineEdit::textEdited, m_urlError, &QWidget::hide);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &QWidget::hide);

    resize(640, 360);
    reload();
    if (m_list->count() == 0)
        startNew();
}

QString ProfilesDialog::selectedId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ProfilesDialog::reload(const QString& selectId)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int selectRow = -1;
    const auto profiles = m_store->profiles();
    for (const auto& profile : profiles) {
        auto* item = new QListWidgetItem(profile.name, m_list);
        item->setData(Qt::UserRole, profile.id);
        item->setToolTip(profile.serverUrl.toDisplayString());
        if (profile.id == selectId)
            selectRow = m_list->count() - 1;
    }
    if (selectRow < 0 && m_list->count() > 0)
        selectRow = 0;
    m_list->setCurrentRow(selectRow);
    m_remove->setEnabled(selectRow >= 0);
    if (selectRow >= 0)
        showSelected();
}

void ProfilesDialog::showSelected()
{
    const auto profile = m_store->profile(selectedId());
    m_remove->setEnabled(profile.has_value());
    if (!profile)
        return;
    m_editingId = profile->id;
    m_name->setText(profile->name);
    m_url->setText(profile->serverUrl.toDisplayString());
    m_nameError->hide();
    m_urlError->hide();
}

void ProfilesDialog::startNew()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(-1);
    }
    m_remove->setEnabled(false);
    m_editingId.clear();
    m_name->clear();
    m_url->clear();
    m_nameError->hide();
    m_urlError->hide();
    m_name->setFocus();
}

bool ProfilesDialog::saveCurrent()
{
    const QString name = m_name->text().trimmed();
    QString urlProblem;
    const QUrl url = client::ConnectionProfile::parseServerUrl(m_url->text(), &urlProblem);
    bool ok = true;
    if (name.isEmpty()) {
        m_nameError->setText(tr("Give the profile a name."));
        m_nameError->show();
        m_name->setFocus();
        ok = false;
    }
    if (!url.isValid()) {
        // What was typed stays in the field, so it can be corrected rather than retyped.
        m_urlError->setText(urlProblem);
        m_urlError->show();
        m_url->setAccessibleDescription(urlProblem);
        if (ok)
            m_url->setFocus();
        ok = false;
    }
    if (!ok)
        return false;
    m_url->setAccessibleDescription(QString());
    client::ConnectionProfile profile;
    if (const auto existing = m_store->profile(m_editingId))
        profile = *existing;
    // A different server means a different account: the old account name no longer applies.
    if (profile.serverUrl != url)
        profile.account.clear();
    profile.name = name;
    profile.serverUrl = url;
    profile = m_store->save(profile);
    m_editingId = profile.id;
    reload(profile.id);
    return true;
}

void ProfilesDialog::removeSelected()
{
    const auto profile = m_store->profile(selectedId());
    if (!profile)
        return;
    const auto answer = QMessageBox::question(this, tr("Remove Profile"),
                                              tr("Remove the profile \"%1\"? Sign out first if you want its "
                                                 "remembered sign-in deleted from the keychain.")
                                                  .arg(profile->name));
    if (answer != QMessageBox::Yes)
        return;
    m_store->remove(profile->id);
    reload();
    if (m_list->count() == 0)
        startNew();
}

} // namespace trellis::ui
