/**
 * MDM traffic shaped as devices send it, for the readers' tests: check-in messages
 * (Authenticate, TokenUpdate, CheckOut, a Mac's GetBootstrapToken and SetBootstrapToken) and command responses (DeviceInformation acknowledged,
 * NotNow, an InstallProfile error with its ErrorChain, Idle), as XML plist text.
 */
export const plist = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
${body}
</dict>
</plist>
`;
export const s = (k: string, v: string): string => `\t<key>${k}</key>\n\t<string>${v}</string>`;
export const UDID = '00008030-001A35E22EF8802E';
export const TOPIC = 'com.apple.mgmt.External.5a8b6b1e-93e1-4f0b-9a5e-3b8f2f1c7d10';

export const AUTHENTICATE = plist([s('BuildVersion', '21E236'), s('DeviceName', 'Front desk iPad'), s('IMEI', '35 391207 123456 7'), s('MEID', '35391207123456'),
  s('MessageType', 'Authenticate'), s('Model', 'MK2K3LL/A'), s('ModelName', 'iPad'), s('OSVersion', '17.4.1'), s('ProductName', 'iPad12,1'),
  s('SerialNumber', 'DMPXK0XXQ1GC'), s('Topic', TOPIC), s('UDID', UDID)].join('\n'));
export const TOKEN_UPDATE = plist([`\t<key>AwaitingConfiguration</key>\n\t<false/>`, s('MessageType', 'TokenUpdate'), s('PushMagic', '3B3F5B8C-1C6A-4B0E-9D7E-2F4A7C1D9E21'),
  s('Topic', TOPIC), `\t<key>Token</key>\n\t<data>\n\tq1Fz3nq0k2JmWm0bB3a8m3b0mX6l0Vq3o1JpQ2r4s5Y=\n\t</data>`, s('UDID', UDID),
  `\t<key>UnlockToken</key>\n\t<data>\n\tZGF0YSBmcm9tIHRoZSBkZXZpY2UncyBrZXliYWc=\n\t</data>`].join('\n'));
export const MAC_UDID = '7A1B2C3D-4E5F-5A6B-8C7D-9E0F1A2B3C4D';
export const GET_BOOTSTRAP_TOKEN = plist([`\t<key>AwaitingConfiguration</key>\n\t<true/>`, s('MessageType', 'GetBootstrapToken'), s('UDID', MAC_UDID)].join('\n'));
export const SET_BOOTSTRAP_TOKEN = plist([`\t<key>AwaitingConfiguration</key>\n\t<false/>`, `\t<key>BootstrapToken</key>\n\t<data>\n\tYm9vdHN0cmFwIHRva2VuIGJ5dGVz\n\t</data>`,
  s('MessageType', 'SetBootstrapToken'), s('UDID', MAC_UDID)].join('\n'));
export const CHECK_OUT = plist([s('MessageType', 'CheckOut'), s('Topic', TOPIC), s('UDID', UDID)].join('\n'));
export const DEVICE_INFORMATION = plist([s('CommandUUID', '0F2C6C1E-94B6-4C7A-8C07-3E1B0D5A7A11'), `\t<key>QueryResponses</key>\n\t<dict>
\t\t<key>AvailableDeviceCapacity</key><real>41.23</real>
\t\t<key>BatteryLevel</key><real>0.87</real>
\t\t<key>BuildVersion</key><string>21E236</string>
\t\t<key>DeviceCapacity</key><real>64</real>
\t\t<key>DeviceName</key><string>Front desk iPad</string>
\t\t<key>IsSupervised</key><true/>
\t\t<key>Model</key><string>MK2K3LL/A</string>
\t\t<key>ModelName</key><string>iPad</string>
\t\t<key>OSVersion</key><string>17.4.1</string>
\t\t<key>ProductName</key><string>iPad12,1</string>
\t\t<key>SerialNumber</key><string>DMPXK0XXQ1GC</string>
\t\t<key>UDID</key><string>${UDID}</string>
\t\t<key>WiFiMAC</key><string>f0:18:98:2a:3b:4c</string>
\t</dict>`, s('Status', 'Acknowledged'), s('UDID', UDID)].join('\n'));
export const NOT_NOW = plist([s('CommandUUID', '7C1B2A3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D'), s('Status', 'NotNow'), s('UDID', UDID)].join('\n'));
export const INSTALL_ERROR = plist([s('CommandUUID', 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D'), `\t<key>ErrorChain</key>\n\t<array>\n\t\t<dict>
\t\t\t<key>ErrorCode</key><integer>4001</integer>
\t\t\t<key>ErrorDomain</key><string>MCProfileErrorDomain</string>
\t\t\t<key>LocalizedDescription</key><string>The profile “Wi-Fi” could not be installed.</string>
\t\t\t<key>USEnglishDescription</key><string>The profile “Wi-Fi” could not be installed.</string>
\t\t</dict>\n\t</array>`, s('Status', 'Error'), s('UDID', UDID)].join('\n'));
export const IDLE = plist([s('Status', 'Idle'), s('UDID', UDID)].join('\n'));

/**
 * The envelope keys whose pages say "Required: Yes" while their prose requires them only in a
 * user enrollment or on a user channel (EnrollmentID, EnrollmentUserID) or on some platforms
 * (NotOnConsole, UserLongName): conditional requirements the validators do not yet apply. Every
 * other finding on this traffic would be a false one, so the tests allow these alone.
 */
export const CONDITIONAL = new Set(['EnrollmentID', 'EnrollmentUserID', 'NotOnConsole', 'UserLongName']);
export const others = (issues: ReadonlyArray<{ code: string; path: string; severity: string }>): string[] =>
  issues.filter((i) => !(i.code === 'missing-required' && CONDITIONAL.has(i.path))).map((i) => `${i.severity} ${i.code} ${i.path}`);

