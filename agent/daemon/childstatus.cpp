// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/childstatus.h"

#include "agent/core/childstatusjson.h"

namespace sundial::daemon
{

QVariantMap childStatus(const core::Decision &decision, std::chrono::seconds used, const core::Rules &rules)
{
    const nlohmann::json fields = core::childStatusJson(decision, used, rules);
    QVariantMap status;
    for (auto field = fields.cbegin(); field != fields.cend(); ++field) {
        const QString name = QString::fromStdString(field.key());
        const nlohmann::json &value = field.value();
        if (value.is_boolean()) {
            status[name] = value.get<bool>();
        } else if (value.is_number_integer()) {
            status[name] = qint64 {value.get<std::int64_t>()};
        } else {
            status[name] = QString::fromStdString(value.get<std::string>());
        }
    }
    return status;
}

} // namespace sundial::daemon
