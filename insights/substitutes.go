package insights

// substitutes are the jobs for which a company needs one tool, and the
// catalog applications that do each: two of them paid by one company for
// the same months is an overlap an admin can act on (keep one, cancel the
// other). The catalog's categories are too broad for that: Developer Tools
// holds GitHub and Postman, Design holds AutoCAD and Canva, Cloud
// Infrastructure the clouds a company runs on side by side on purpose.
// An application may do two jobs (Microsoft Teams chats and meets); one in
// no list is never an overlap. Names are the catalog's (TestSubstitutesAreCatalogApps).
var substitutes = []struct {
	job  string
	apps []string
}{
	{"team chat", []string{"Slack", "Microsoft Teams", "Mattermost", "Rocket.Chat"}},
	{"video meetings", []string{"Zoom", "Microsoft Teams", "Webex", "GoTo Meeting"}},
	{"office suite", []string{"Microsoft 365", "Google Workspace", "Zoho Workplace"}},
	{"file sharing", []string{"Box", "Dropbox", "Egnyte"}},
	{"password manager", []string{"1Password", "LastPass", "Bitwarden", "Dashlane", "Keeper"}},
	{"application monitoring", []string{"Datadog", "New Relic", "Dynatrace", "AppDynamics", "Honeycomb", "Grafana Cloud"}},
	{"error tracking", []string{"Sentry", "Bugsnag", "Rollbar"}},
	{"on-call alerting", []string{"PagerDuty", "Opsgenie"}},
	{"business intelligence", []string{"Tableau", "Power BI", "Looker", "Domo", "Sisense"}},
	{"customer help desk", []string{"Zendesk", "Intercom", "Freshdesk", "Help Scout", "Gorgias", "Front"}},
	{"e-signature", []string{"DocuSign", "Adobe Acrobat Sign", "Dropbox Sign", "SignNow", "PandaDoc"}},
	{"small-business accounting", []string{"QuickBooks", "Xero", "FreshBooks"}},
	{"AI assistant", []string{"ChatGPT", "Claude", "Perplexity"}},
	{"work management", []string{"Asana", "monday.com", "ClickUp", "Smartsheet", "Trello", "Wrike", "Basecamp"}},
	{"issue tracking", []string{"Jira", "Linear", "Shortcut"}},
	{"whiteboard", []string{"Miro", "Mural"}},
	{"team wiki", []string{"Confluence", "Notion", "Guru", "Slite"}},
	{"surveys and forms", []string{"SurveyMonkey", "Typeform", "Qualtrics", "Jotform", "Alchemer"}},
	{"remote support", []string{"TeamViewer", "AnyDesk", "Splashtop"}},
	{"CRM", []string{"Salesforce Sales Cloud", "HubSpot", "Pipedrive", "Zoho CRM"}},
	{"email marketing", []string{"Mailchimp", "Klaviyo", "Campaign Monitor", "Constant Contact", "Brevo", "ActiveCampaign"}},
	{"scheduling links", []string{"Calendly", "Doodle"}},
	{"video hosting", []string{"Vimeo", "Wistia", "Vidyard"}},
	{"interface design", []string{"Figma", "Sketch"}},
	{"payroll", []string{"Gusto", "ADP", "Rippling", "Paychex"}},
	{"code hosting", []string{"GitHub", "GitLab", "Bitbucket"}},
	{"single sign-on", []string{"Okta", "Microsoft Entra ID", "OneLogin", "JumpCloud"}},
}
