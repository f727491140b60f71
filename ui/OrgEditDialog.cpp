#include "ui/OrgEditDialog.h"

#include "ui/DisplayNames.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

// "Nordwind Handel GmbH" -> "nordwind-handel-gmbh": a readable default people rarely need to change.
QString slugFrom(const QString& name)
{
    QString folded = name.normalized(QString::NormalizationForm_KD).toLower();
    folded.replace(QStringLiteral("ß"), QStringLiteral("ss"));
    QString slug;
    for (const QChar c : folded) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (c.category() != QChar::Mark_NonSpacing && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    slug.truncate(63);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

} // namespace

OrgEditDialog::OrgEditDialog(Mode mode, const core::Org& org, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_org(org)
{
    const QString orgName = QString::fromStdString(org.name);
    setWindowTitle(mode == Mode::Create ? tr("New organisation under %1").arg(orgName) : tr("Edit %1").arg(orgName));
    setObjectName(QStringLiteral("orgEditDialog"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(200);
    m_name->setAccessibleName(tr("Name"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->setAccessibleName(tr("Kind"));
    for (const auto kind : core::allOrgKinds())
        m_kind->addItem(DisplayNames::orgKindIcon(kind), DisplayNames::orgKind(kind), int(kind));
    m_slug = new QLineEdit(this);
    m_slug->setObjectName(QStringLiteral("slug"));
    m_slug->setMaxLength(63);
    m_slug->setAccessibleName(tr("Slug"));
    m_slug->setToolTip(tr("A short, unique name for links and imports: a-z, 0-9 and '-'. It cannot be changed later."));

    m_nameError = makeErrorLabel(this);
    m_kindError = makeErrorLabel(this);
    m_slugError = makeErrorLabel(this);
    m_generalError = makeErrorLabel(this);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(QString(), m_kindError);
    if (mode == Mode::Create) {
        form->addRow(tr("&Slug:"), m_slug);
        form->addRow(QString(), m_slugError);
    } else {
        m_slug->hide();
        m_name->setText(orgName);
        m_kind->setCurrentIndex(m_kind->findData(int(org.kind)));
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Create ? tr("Create") : tr("Save"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_generalError);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &OrgEditDialog::suggestSlug);
    connect(m_slug, &QLineEdit::textEdited, this, [this] { m_slugEdited = true; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OrgEditDialog::onAccept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_name->setFocus();
}

QString OrgEditDialog::name() const
{
    return m_name->text().trimmed();
}

core::OrgKind OrgEditDialog::kind() const
{
    return core::OrgKind(m_kind->currentData().toInt());
}

QString OrgEditDialog::slug() const
{
    return m_slug->text().trimmed();
}

core::Org OrgEditDialog::draft() const
{
    core::Org draft;
    draft.parentId = m_org.id;
    draft.kind = kind();
    draft.name = name().toStdString();
    draft.slug = slug().toStdString();
    return draft;
}

QPushButton* OrgEditDialog::submitButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QLabel* OrgEditDialog::errorLabel(const QString& field) const
{
    if (field == QLatin1String("name"))
        return m_nameError;
    if (field == QLatin1String("kind"))
        return m_kindError;
    if (field == QLatin1String("slug"))
        return m_slugError;
    return m_generalError;
}

void OrgEditDialog::suggestSlug()
{
    if (m_mode == Mode::Create && !m_slugEdited)
        m_slug->setText(slugFrom(m_name->text()));
}

void OrgEditDialog::clearErrors()
{
    for (QLabel* label : {m_nameError, m_kindError, m_slugError, m_generalError})
        setError(label, QString());
}

void OrgEditDialog::setError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void OrgEditDialog::onAccept()
{
    clearErrors();
    if (name().isEmpty()) {
        setError(m_nameError, tr("Enter a name."));
        m_name->setFocus();
        return;
    }
    if (m_mode == Mode::Create && !core::isValidSlug(slug().toStdString())) {
        setError(m_slugError, tr("Use 2 to 63 characters a-z, 0-9 and '-', not starting or ending with '-'."));
        m_slug->setFocus();
        return;
    }
    Q_EMIT submitted();
}

void OrgEditDialog::showFailure(const client::ApiFailure& failure)
{
    setBusy(false);
    clearErrors();
    QLabel* label = errorLabel(failure.field);
    setError(label, failure.message);
    if (label == m_nameError)
        m_name->setFocus();
    else if (label == m_slugError)
        m_slug->setFocus();
}

void OrgEditDialog::setBusy(bool busy)
{
    m_name->setEnabled(!busy);
    m_kind->setEnabled(!busy);
    m_slug->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

} // namespace trellis::ui
