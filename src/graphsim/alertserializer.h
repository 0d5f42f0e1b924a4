#pragma once

#include "alertrecord.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace graphsim {

class Dataset;
class JsonWriter;

/// Writes alerts_v2 alerts and incidents as Graph JSON, straight from the compact records:
/// texts come from the alert's template with its user, device, IP, file and URL filled in, and
/// evidence of the kinds the template names, each with its `@odata.type`.
class AlertSerializer
{
public:
    explicit AlertSerializer(const Dataset *dataset);

    /// Re-reads the dataset's people and devices (after a reset).
    void rebuild();

    /// `includeUnknownEnums`: the request carried `Prefer: include-unknown-enum-members`.
    void writeAlert(JsonWriter &w, int index, bool includeUnknownEnums) const;
    void writeIncident(JsonWriter &w, int index, bool includeUnknownEnums, const QString &alertsContext = {}) const;
    static void writeComments(JsonWriter &w, const QList<AlertComment> &comments);

    QByteArray alertTitle(int index) const;

private:
    struct PersonBytes
    {
        QByteArray displayName, upn, accountName, id, sid;
    };
    struct DeviceBytes
    {
        QByteArray hostName, fqdn, mdeDeviceId, aadDeviceId, osPlatform, ip;
        qint64 osBuild = 0;
    };
    struct Context
    {
        const PersonBytes *person = nullptr;
        const DeviceBytes *device = nullptr;
        char ip[16] = {};
        int ipLength = 0;
        char url[96] = {};
        int urlLength = 0;
        const char *file = nullptr;
        int count = 0;
        quint64 salt = 0;

        QByteArrayView ipView() const { return QByteArrayView(ip, ipLength); }
        QByteArrayView urlView() const { return QByteArrayView(url, urlLength); }
    };

    Context context(int index) const;
    /// Writes `text` with its placeholders filled in, as a JSON string (catalog texts and the
    /// generated values need no escaping).
    void writeExpanded(JsonWriter &w, const char *text, const Context &c) const;
    QByteArray expand(const char *text, const Context &c) const;
    void writeGeneratedComments(JsonWriter &w, int index) const;
    void writeEvidence(JsonWriter &w, int index, const Context &c) const;
    void writeEvidenceBase(JsonWriter &w, const char *type, qint64 ticks, const char *verdict, const char *role) const;
    void writeUserAccount(JsonWriter &w, const PersonBytes &p) const;
    void writeFileDetails(JsonWriter &w, QByteArrayView name, const QByteArray &path, quint64 salt) const;

    const Dataset *m_dataset = nullptr;
    std::vector<PersonBytes> m_people;
    std::vector<DeviceBytes> m_devices;
    std::vector<QByteArray> m_detectorIds;      ///< per template
    QByteArray m_tenantId;
};

/// Lower-case hexadecimal of `bytes` pseudo-random bytes derived from `salt` (hashes, ids).
QByteArray pseudoHex(quint64 salt, int bytes);
/// The same, written to `out` (2 × bytes characters).
void pseudoHexInto(char *out, quint64 salt, int bytes);

} // namespace graphsim
