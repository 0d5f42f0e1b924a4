<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop console for Microsoft Graph security alerts: see, filter and triage alerts, and hear about changes the moment they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your Microsoft Entra ID work account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and remove the stored sign-in from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;Admin Consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a tenant administrator to grant the permissions Vigil needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy version and configuration details to the clipboard, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organizations, a tenant ID, or contoso.onmicrosoft.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application (&amp;client) ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>00001111-aaaa-2222-bbbb-3333cccc4444</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the values entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help about the tenant settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in to Microsoft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my &amp;browser instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your web browser, for example to sign in with a security key or passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo mode: sign-in and Microsoft Graph are simulated inside Vigil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in: %1 (tenant %2)
Microsoft Graph: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud (--authority-url, --graph-url)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant (--tenant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client ID (--client-id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::core::AuthSession</name>
    <message>
        <source>No keychain is available (%1). You stay signed in until Vigil closes, and will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::core::LoopbackReplyHandler</name>
    <message>
        <source>Cannot listen for the sign-in redirect on 127.0.0.1:%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in to Vigil. You can close this window and return to the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused. Return to Vigil to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in response not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This response does not belong to the sign-in Vigil is waiting for. Start the sign-in again from Vigil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::core::SignInFlow</name>
    <message>
        <source>An administrator granted consent for tenant %1. Sign in again to use the new permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in is not configured: set a tenant and the application (client) ID in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in is not configured.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::core::TokenError</name>
    <message>
        <source>The redirect URI Vigil uses is not registered for this application. In the app registration, under Authentication, add the platform &quot;Mobile and desktop applications&quot; with the redirect URI http://localhost/login/authorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permissions Vigil needs have not been granted. Ask an administrator to grant admin consent for the app registration (API permissions → Grant admin consent), or use Account → Request admin consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app registration treats Vigil as a web application, which needs a client secret. Register the redirect URI under &quot;Mobile and desktop applications&quot; instead of &quot;Web&quot;, and set &quot;Allow public client flows&quot; to Yes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in request carried a client secret, which a desktop (public) client must not send. Remove any secret from Vigil&apos;s configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation requires multi-factor authentication. Sign in again and complete the second step; if the embedded window cannot show it, use &quot;Use my browser instead&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Conditional Access policy blocked the sign-in (for example: device not compliant, or location not allowed). Ask your administrator which policy applies to Vigil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application with this client ID exists in the tenant. Check the client ID and the tenant in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant was not found. Check the tenant name or ID in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not be verified (PKCE check failed). Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in code was already used or is invalid. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in service could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correlation ID %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::gui::AboutDialog</name>
    <message>
        <source>&lt;p&gt;A desktop console for Microsoft Graph security alerts: sign in with Microsoft Entra ID, see and triage alerts, and get told when something changes.&lt;/p&gt;&lt;p&gt;Vigil talks only to the Microsoft Graph and sign-in endpoints you configure. Demo mode uses a simulator inside the application.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::gui::MainWindow</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil — Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil is connected to its built-in simulator. Alerts, users and sign-in are simulated; nothing is sent to Microsoft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: everything you see comes from the built-in simulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in kept in memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::gui::SettingsDialog</name>
    <message>
        <source>Global (login.microsoftonline.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Government (login.microsoftonline.us)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China, operated by 21Vianet (login.chinacloudapi.cn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A window inside Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register Vigil in Microsoft Entra ID as a &quot;Mobile and desktop applications&quot; platform with the redirect URI &lt;b&gt;http://localhost/login/authorized&lt;/b&gt; (see the README). Entra ignores the port of loopback redirect URIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For this run the command line overrides: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant must be &quot;organizations&quot;, a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application (client) ID is a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without an application (client) ID Vigil cannot sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::gui::SignInController</name>
    <message>
        <source>Completing sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin consent was not granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out. Your sign-in was removed from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin consent opened in your browser. An administrator of the tenant must approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open a web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil could not start a web browser. Choose &quot;A window inside Vigil&quot; under Settings → Tenant → Sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your web browser; Vigil is waiting for the sign-in to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::gui::SignInWindow</name>
    <message>
        <source>Sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Microsoft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::http::Server</name>
    <message>
        <source>TLS is not available: no TLS backend could be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the private key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no unencrypted RSA or EC private key in PEM form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
