<#-- The plain-text part of every email: one notification, a daily digest, or the administrator's test. -->
${msg("email.greeting", username)}

<#if kind == "digest">
${msg("email.digest.intro", total)}

<#list items as i>
- ${i.text()}
  ${i.at()} · ${i.url()}
</#list>
<#if more gt 0>
${msg("email.digest.more", more)} ${notificationsUrl}
</#if>
<#else>
<#list items as i>
${i.text()}

${msg("email.open")}: ${i.url()}
</#list>
</#if>

--
${msg("email.footer.why")}
${msg("email.footer.change")}: ${settingsUrl}
${msg("email.footer.zone", zone)}
