#!/bin/sh
# Start the lobby kiosk: Chromium full screen, with nothing a passer-by can use to leave the page.
#
#   kiosk/launch.sh https://torget.example.no/kiosk/
#   kiosk/launch.sh "https://torget.example.no/kiosk/?idle=120&attract=600"
#
# Runs as an ordinary user with its own Chromium profile (KIOSK_PROFILE, default
# ~/.local/share/torget-kiosk), so the kiosk never shares cookies or history with anyone.
# The URL allow-list is a Chromium policy; Chromium reads policies only from
# /etc/chromium/policies/managed/, which needs root. Run as root once (or copy the file the
# script leaves in the profile there) to install it. See kiosk/README.md.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 URL   (the kiosk page, e.g. https://torget.example.no/kiosk/)" >&2
    exit 64
fi
url=$1
case $url in
    http://*/* | https://*/*) ;;
    *) echo "$0: $url is not an http(s) address of the kiosk page" >&2; exit 64 ;;
esac

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
    done
fi
if [ -z "$browser" ]; then
    echo "$0: Chromium is not installed (Debian: apt install chromium)" >&2
    exit 69
fi

# The site the kiosk may show: scheme, host and port of the URL, and everything under it.
origin=$(printf '%s\n' "$url" | sed -E 's#^(https?://[^/]+).*#\1#')
profile=${KIOSK_PROFILE:-${XDG_DATA_HOME:-$HOME/.local/share}/torget-kiosk}
mkdir -p "$profile"

# Chromium policy: only the kiosk's own site; no downloads, printing, dev tools, translation,
# password or autofill prompts, and no other way out. `URLBlocklist: ["*"]` blocks everything
# the allow-list does not name.
policy=$(cat <<EOF
{
  "URLBlocklist": ["*"],
  "URLAllowlist": ["$origin", "about:blank"],
  "DownloadRestrictions": 3,
  "PrintingEnabled": false,
  "DeveloperToolsAvailability": 2,
  "TranslateEnabled": false,
  "PasswordManagerEnabled": false,
  "AutofillAddressEnabled": false,
  "AutofillCreditCardEnabled": false,
  "BrowserSignin": 0,
  "SyncDisabled": true,
  "MetricsReportingEnabled": false,
  "SearchSuggestEnabled": false,
  "SpellcheckEnabled": false,
  "DefaultNotificationsSetting": 2,
  "DefaultGeolocationSetting": 2,
  "AudioCaptureAllowed": false,
  "VideoCaptureAllowed": false,
  "BackgroundModeEnabled": false,
  "HideWebStoreIcon": true
}
EOF
)
managed=${KIOSK_POLICY_DIR:-/etc/chromium/policies/managed}
printf '%s\n' "$policy" > "$profile/torget-kiosk-policy.json"
if mkdir -p "$managed" 2>/dev/null && [ -w "$managed" ]; then
    cp "$profile/torget-kiosk-policy.json" "$managed/torget-kiosk.json"
elif ! cmp -s "$profile/torget-kiosk-policy.json" "$managed/torget-kiosk.json" 2>/dev/null; then
    echo "$0: the URL allow-list is not installed; as root, run:" >&2
    echo "  install -D -m 644 $profile/torget-kiosk-policy.json $managed/torget-kiosk.json" >&2
fi

# A crash or power cut must not bring up "Restore pages?" at the next start.
preferences="$profile/Default/Preferences"
if [ -f "$preferences" ]; then
    sed -i -e 's/"exited_cleanly":false/"exited_cleanly":true/' -e 's/"exit_type":"[^"]*"/"exit_type":"Normal"/' "$preferences"
fi

exec "$browser" \
    --user-data-dir="$profile" \
    --kiosk \
    --noerrdialogs \
    --disable-session-crashed-bubble \
    --overscroll-history-navigation=0 \
    --disable-pinch \
    --no-first-run \
    --no-default-browser-check \
    --disable-features=Translate,TranslateUI,MediaRouter,OptimizationHints \
    --disable-background-networking \
    --disable-component-update \
    --disable-sync \
    --disable-default-apps \
    --disable-extensions \
    --disable-infobars \
    --password-store=basic \
    --autoplay-policy=user-gesture-required \
    --check-for-update-interval=31536000 \
    "$url"
